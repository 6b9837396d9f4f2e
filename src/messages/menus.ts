/** The context-menu commands (background) and their titles. */
export const MENU_SELECTION = 'telltale-check-selection';
export const MENU_PAGE = 'telltale-scan-page';

export const inspectMenu = {
  selection: 'Check selected text with Telltale',
  page: 'Check this page with Telltale',
};
