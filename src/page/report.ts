/**
 * The board's own "report this ad" control on an ad page, found by its words in the eight languages
 * (and English, French, Czech, Romanian, Portuguese boards' words), its label or its test id, so that
 * the popup can take the user to it: reporting to the platform is the quickest way to get an ad looked
 * at, and boards hide the button in different places.
 */
const REPORT_WORDS = /^(?:report(?: (?:this )?(?:ad|job|listing|posting|offer|abuse))?|flag(?: this)?(?: ad| listing)?|zgłoś(?: (?:ogłoszenie|naruszenie|nadużycie))?|zgłoś to ogłoszenie|nahlásiť(?: inzerát)?|nahlásit(?: inzerát)?|докладвай(?: обявата)?|сигнализирай|αναφορά(?: αγγελίας)?|anzeige melden|melden|verstoß melden|segnala(?: annuncio)?|denunciar(?: anuncio)?|reportar(?: anuncio)?|signaler(?: l'annonce)?|raportează(?: anunțul)?|denunciar anúncio)$/i;

/** The report control of the page, if one can be told from its words. */
export function findReportControl(doc: Document): HTMLElement | undefined {
  const byId = doc.querySelector('[data-testid*="report" i], [data-cy*="report" i], [data-qa*="report" i]');
  if (byId) return byId as HTMLElement;
  for (const el of doc.querySelectorAll('a, button, [role="button"]')) {
    const words = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (words.length <= 40 && REPORT_WORDS.test(words)) return el as HTMLElement;
  }
  return undefined;
}

/** Scrolls to the report control and gives it the focus. */
export function showReportControl(doc: Document): boolean {
  const el = findReportControl(doc);
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (!el.matches('a[href], button, [tabindex]')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  return true;
}
