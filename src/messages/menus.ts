/** The context-menu commands (background); their titles are ui.menu.* in locales/. */
export const MENU_SELECTION = 'telltale-check-selection';
export const MENU_PAGE = 'telltale-scan-page';
