/**
 * Pages that are not ads: bot checks and captchas (a board showing its challenge page instead of
 * the listing), and classifieds that are not jobs (cars, flats, goods). They yield no job ads: a bot
 * check yields none at all, a car listing yields ads marked "non-job" that the engine does not score.
 */

const CHALLENGE_SELECTORS = [
  '.g-recaptcha', '.h-captcha', '[data-sitekey]', 'iframe[src*="captcha" i]', '#challenge-form', '#cf-challenge-running',
  '#px-captcha', 'script[src*="captcha-delivery" i]', '[class*="captcha" i]', 'script[src*="/challenge-platform/" i]',
];
const CHALLENGE_WORDS = /captcha|are you a (?:human|robot)|robot check|checking (?:if the site connection is secure|your browser)|just a moment|verify (?:that )?you are (?:a )?human|unusual traffic|ich bin kein roboter|sicherheitsabfrage|sicherheitsüberprüfung|nie jestem robotem|δεν είμαι ρομπότ|no soy un robot|non sono un robot|access denied|zugriff verweigert/i;

/** Whether an element holds more than `n` characters of text, not counting white space runs. */
function textLongerThan(root: Element | null, n: number): boolean {
  if (!root) return false;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let total = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    total += (t.nodeValue ?? '').replace(/\s+/g, ' ').length;
    if (total > n * 1.5) return true; // collapsing white space between nodes cannot undo that much
  }
  return false;
}

/** Why the page is a bot check or an error page rather than content, or undefined. */
export function blockedReason(doc: Document): string | undefined {
  // A real listing or ad is long; a challenge page says little besides its challenge. Counted text
  // node by text node and stopped early: the whole text of a 2 MB listing costs milliseconds.
  if (textLongerThan(doc.body, 4000)) return undefined;
  const body = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (body.length > 4000) return undefined;
  const title = doc.title ?? '';
  const widget = CHALLENGE_SELECTORS.find((s) => {
    try {
      return doc.querySelector(s) !== null;
    } catch {
      return false;
    }
  });
  const words = CHALLENGE_WORDS.exec(`${title} ${body}`)?.[0];
  if (widget && (words || body.length < 1500)) return `bot check (${widget}${words ? `, "${words}"` : ''})`;
  if (words && body.length < 1500) return `bot check ("${words}")`;
  return undefined;
}

// Cues of a job offer and of goods, vehicles and property, in the eight languages and French (the
// classifieds boards of the saved pages). Word starts, folded to lower case.
const JOB = /\b(?:praca|prac[ey]|zatrudni|etat|wynagrodzeni|umow[ay] o prac|job|jobs|hiring|salary|wage|vacanc|employment|career|stelle|stellen|gehalt|lohn|vollzeit|teilzeit|minijob|arbeit|mitarbeiter|lavoro|stipendio|assum|offerta di lavoro|trabajo|empleo|salario|sueldo|contrato|oferta de empleo|работа|заплата|служител|εργασ|μισθ|προσλ|pr[aá]ca|mzda|plat|emploi|salaire|cdi|cdd|offre d'emploi)/i;
const GOODS = /\b(?:\d[\d\s.]*\s?km\b|ccm|diesel|benzin|benzyna|essence|gazole|przebieg|kilom[eé]trage|erstzulassung|baujahr|ann[eé]e[- ]mod[eè]le|zimmer|wohnung|wg[- ]zimmer|mieszkani|pok[oó]j do wynaj|m²|\d\s?m2\b|qm\b|kaltmiete|warmmiete|miete\b|kaution|appartement|immobili|voiture|renault|peugeot|volkswagen|bmw|audi|toyota|fahrzeug|samoch[oó]d|auto\b|coche|piso\b|alquiler|affitto|appartamento|квартир|апартамент|διαμέρισμα|ενοίκιο|neuf|occasion|used|for sale|zu verkaufen|sprzedam|vendo|se vende)/i;

/** Whether an ad reads as a job offer, as goods / vehicles / property, or cannot be told. */
export function categoryOf(text: string): 'job' | 'non-job' | 'unknown' {
  const job = JOB.test(text);
  const goods = text.match(new RegExp(GOODS.source, 'gi'))?.length ?? 0;
  if (job && goods < 3) return 'job';
  if (goods >= 2) return 'non-job';
  return 'unknown';
}

/**
 * What a page's address says of its ads: classifieds boards file goods, vehicles and property under
 * paths that name them (/voitures/, /motoryzacja/, /wg-zimmer-..., /immobilier/) and jobs under
 * theirs (/praca/, /emploi/, /jobs/). Read where no adapter knows the site.
 */
const URL_GOODS = /(?:^|[/._-])(?:voitures?|autos?|cars?|coches|motoryzacja|samochody|fahrzeuge|gebrauchtwagen|moto|immobilier|immobili(?:en|are)|nieruchomosci|wohnung(?:en)?|wg-zimmer|zimmer|mieszkania|pisos|inmuebles|case|appartamenti|real-estate|property|for-sale|a-vendre|zu-verkaufen|elektronika|electronics)(?=$|[/._-])/i;
const URL_JOBS = /(?:^|[/._-])(?:praca|prace|jobs?|emplois?|offres-d-emploi|lavoro|offerte-lavoro|empleo|ofertas-de-empleo|trabajo|stellen(?:angebote)?|rabota|работа|ergasia|careers?|vacancies)(?=$|[/._-])/i;

export function categoryOfUrl(href: string): 'job' | 'non-job' | 'unknown' {
  let path: string;
  try {
    path = decodeURIComponent(new URL(href).pathname);
  } catch {
    return 'unknown';
  }
  const jobs = URL_JOBS.test(path);
  const goods = URL_GOODS.test(path);
  return jobs === goods ? 'unknown' : jobs ? 'job' : 'non-job';
}
