/**
 * Pay parsing: amounts with currency, range, period and net/gross, as ads write them in the eight
 * languages ("5 000 zł", "1.500 €", "€12/h", "200 лв. на ден", "4000 лв./седмица", "3 500 - 4 500 zł
 * brutto"), converted to EUR per month for comparison with the destination's wage figures.
 * Works on folded text (see normalise.ts).
 */
import { toFoldedClasses } from './patterns.js';
import rates from './data/rates.json' with { type: 'json' };

export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface PayAmount {
  from: number; // offsets in the folded text
  to: number;
  min: number;
  max: number;
  currency: string;
  period?: PayPeriod;
  /** The period was not written; it was inferred from the size of the amount. */
  periodInferred: boolean;
  basis?: 'net' | 'gross';
  /** EUR per month (full time for hourly and daily pay). */
  monthlyEurMin: number;
  monthlyEurMax: number;
}

// Bounded groups of thousands: an unbounded run ("0 000 000 ...") is scanned again from every group.
const NUM = String.raw`\d{1,3}(?:[ .,'’]\d{3}){1,4}(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = String.raw`(?:k|tys\.?|хил\.?|χιλ\.?|tsd\.?)`;
const CUR_SYMBOL = String.raw`€|£|\$`;
const CUR_WORD = String.raw`€|eur(?:o|os)?|evro|евро|ευρω|zl(?:otych|oty)?|pln|лв\.?|лева|bgn|£|gbp|pounds?|libras?|sterlin\p{L}*|паунд\p{L}*|лир\p{L}*|λιρ\p{L}*|\$|usd|dollars?|долар\p{L}*|kc|czk|chf|ron|lei`;
const RANGE_SEP = String.raw`\s?(?:-|–|—|do|to|bis|a|al|az|до|εως|ως)\s?`;

// Folded-alphabet classes (patterns.ts) instead of \p{L} and \p{N}: the same on folded text, which
// is all this module reads, and much faster at the start of every number of an ad.
const AMOUNT = new RegExp(
  toFoldedClasses(String.raw`(?<![\p{L}\p{N}.,])(?:(?<c1>${CUR_SYMBOL})\s?)?(?<a>${NUM})(?:\s?(?<k1>${MULT}))?` +
    String.raw`(?:(?:\s?(?<c0>${CUR_WORD}))?${RANGE_SEP}(?:(?:${CUR_SYMBOL})\s?)?(?<b>${NUM})(?:\s?(?<k2>${MULT}))?)?` +
    String.raw`(?:\s?(?<c2>${CUR_WORD}))?(?![\p{L}\p{N}])`),
  'gu',
);

const CURRENCY_CODES: [RegExp, string][] = [
  [/^(?:€|eur|euro|euros|evro|евро|ευρω)$/u, 'EUR'],
  [/^(?:zl|zlotych|zloty|pln)$/u, 'PLN'],
  [/^(?:лв\.?|лева|bgn)$/u, 'BGN'],
  [/^(?:£|gbp|pounds?|libras?|sterlin\p{L}*|паунд\p{L}*|лир\p{L}*|λιρ\p{L}*)$/u, 'GBP'],
  [/^(?:\$|usd|dollars?|долар\p{L}*)$/u, 'USD'],
  [/^(?:kc|czk)$/u, 'CZK'],
  [/^chf$/u, 'CHF'],
  [/^(?:ron|lei)$/u, 'RON'],
];

function currencyCode(token: string | undefined): string | undefined {
  if (!token) return undefined;
  for (const [re, code] of CURRENCY_CODES) if (re.test(token)) return code;
  return undefined;
}

/** Period cues, folded, searched just after (and a little before) an amount. */
const PERIOD_CUES: [PayPeriod, string[]][] = [
  ['hour', ['/h', '/ h', '/godz', 'godz', 'za godzine', 'na godzine', '/hr', 'per hour', 'an hour', 'hourly', 'p/h', 'ph', '/std', 'pro stunde', 'die stunde', 'stundenlohn', 'std', '/hora', 'la hora', 'por hora', 'hora', "all'ora", "l'ora", 'allora', '/ora', 'orari', 'za hodinu', 'na hodinu', '/hod', 'hod', 'на час', '/час', 'час', 'την ωρα', '/ωρα', 'ανα ωρα', 'ωρα']],
  ['day', ['/day', 'per day', 'a day', 'daily', 'dziennie', 'na dzien', 'za dzien', '/dzien', 'pro tag', 'am tag', 'taglich', '/tag', 'al dia', 'por dia', 'diario', '/dia', 'al giorno', 'giornalier*', '/giorno', 'na den', 'za den', 'denne', 'на ден', 'дневно', '/ден', 'την ημερα', 'ανα ημερα', 'ημερησι*', 'μεροκαματο', '/ημερα', 'al dia', 'diari*']],
  ['week', ['/week', 'per week', 'a week', 'weekly', 'tygodniowo', 'na tydzien', 'tyg', 'pro woche', 'wochentlich', '/woche', 'a la semana', 'semanal', 'por semana', '/semana', 'a settimana', 'settimanal*', '/settimana', 'tyzdenne', 'za tyzden', 'на седмица', 'седмично', '/седмица', 'την εβδομαδα', 'ανα εβδομαδα', 'εβδομαδιαι*']],
  ['month', ['/month', 'per month', 'a month', 'monthly', 'pm', 'p.m', 'miesiecznie', 'mies', '/mc', 'mc', 'msc', 'na miesiac', 'pro monat', 'monatlich', '/monat', 'im monat', 'mtl', 'al mes', 'mensual', '/mes', 'por mes', 'al mese', 'mensil*', 'mensual*', '/mese', 'mesacne', 'mesiac', 'na mesiac', '/mes', 'месечно', 'на месец', '/месец', 'месец', 'τον μηνα', 'μηνιαι*', 'το μηνα', 'ανα μηνα', '/μηνα', 'mesacn*']],
  ['year', ['/year', 'per year', 'a year', 'per annum', 'annual', 'yearly', 'rocznie', 'pro jahr', 'jahrlich', 'brutto/jahr', 'al ano', 'anual', "all'anno", 'annu', 'rocne', 'годишно', 'на година', 'ετησι*', 'τον χρονο', '/ano', 'al ano', 'anual*', 'anuales', 'all anno', 'annu*', 'jahresgehalt', 'p.a', 'pa', '/rok', 'rocn*', 'na rok', 'za rok']],
];
const PERIOD_RES: [PayPeriod, RegExp][] = PERIOD_CUES.map(([p, cues]) => [
  p,
  new RegExp(
    `^[\\s.,:;()/-]{0,3}(?:${cues
      // "stem*" is a word prefix ("mensil*" for mensile, mensili); other cues are whole words.
      .map((c) => (c.endsWith('*') ? `${c.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\p{L}*` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .sort((a, b) => b.length - a.length)
      .join('|')})(?![\\p{L}])`,
    'u',
  ),
]);
const RATE_BEFORE: [PayPeriod, RegExp][] = [
  ['hour', /(?:stawka godzinowa|stawka|hourly rate|stundenlohn|tarifa por hora|paga oraria|hodinova mzda|почасово|ωρομισθιο)[^\p{L}\p{N}]{0,4}(?:od |from |ab |da |desde |от |απο )?$/u],
  ['year', /(?:ral|jahresgehalt|jahresbrutto|annual salary|salary per annum|salario anual|retribucion anual|rocne|roczne|wynagrodzenie roczne|годишна заплата|ετησιες αποδοχες)[^\p{L}\p{N}]{0,4}(?:od |from |ab |da |desde |от |απο )?$/u],
  ['day', /(?:dniowka|dzienna stawka|tagessatz|tageslohn|jornal|paga giornaliera|дневна надница|μεροκαματο)[^\p{L}\p{N}]{0,4}$/u],
];
const GROSS = /(?<![\p{L}])(?:brutto|gross|brut\p{L}*|lordo|бруто|μικτ\p{L}*|μεικτ\p{L}*|pre-tax|before tax|hrub\p{L}*)(?![\p{L}])/u;
const NET = /(?<![\p{L}])(?:netto|netti|netta|nette|netos|netas|net|neto|na reke|na rekę|на ръка|нето|καθαρ\p{L}*|auf die hand|in der hand|en mano|in mano|v cistom|cisty|čistý|after tax)(?![\p{L}])/u;

/** Hours and days in a full-time month, for comparing hourly and daily pay with monthly wages. */
const HOURS_PER_MONTH = 173;
const DAYS_PER_MONTH = 21.7;
const PER_MONTH: Record<PayPeriod, number> = { hour: HOURS_PER_MONTH, day: DAYS_PER_MONTH, week: 4.33, month: 1, year: 1 / 12 };

function parseNumber(s: string, mult: string | undefined): number {
  let t = s.replace(/[ '’]/g, '');
  // "1.500,50" / "1,500.50" / "1.500" / "12,50": the last separator followed by 1-2 digits is decimal.
  const dec = /[.,](\d{1,2})$/.exec(t);
  let intPart = dec ? t.slice(0, dec.index) : t;
  intPart = intPart.replace(/[.,]/g, '');
  t = dec ? `${intPart}.${dec[1]}` : intPart;
  let v = Number(t);
  if (mult) v *= 1000;
  return v;
}

/** A net/gross word between an amount and its period ("550 € netto al mese") is skipped. */
const BASIS_WORD = /^[\s.,:;()/-]{0,3}(?:brutto|netto|gross|net|neto|bruto|brutos|netos|lordi|lordo|netti|нето|бруто|καθαρ\p{L}*|μικτ\p{L}*|μεικτ\p{L}*|na reke|hrub\p{L}*|cist\p{L}*)(?![\p{L}])/u;

function detectPeriod(text: string, from: number, to: number): PayPeriod | undefined {
  let after = text.slice(to, to + 40);
  const basis = BASIS_WORD.exec(after);
  if (basis) after = after.slice(basis[0].length);
  for (const [p, re] of PERIOD_RES) if (re.test(after)) return p;
  const before = text.slice(Math.max(0, from - 30), from);
  for (const [p, re] of RATE_BEFORE) if (re.test(before)) return p;
  return undefined;
}

/**
 * Without a written period only a monthly-sized amount is taken as a monthly wage: smaller ones are
 * as often a fee, a deduction or a price as an hourly or daily wage.
 */
function inferPeriod(monthlyEurIfMonth: number): PayPeriod | undefined {
  if (monthlyEurIfMonth >= 450 && monthlyEurIfMonth <= 30000) return 'month';
  return undefined;
}

/**
 * Words before an amount that make it a cost to the worker, not pay: fees and deposits (within the
 * same sentence), housing and deductions (right before the amount, no comma: "zakwaterowanie 300 zł"
 * is a cost, "ubytovanie zdarma, 8 000 €" is not).
 */
const FEE_BEFORE = /(?<![\p{L}])(?:fee\p{L}*|deposit\p{L}*|charge\p{L}*|cost\p{L}*|deduct\p{L}*|oplat\p{L}*|kaucj\p{L}*|koszt\p{L}*|zaliczk\p{L}*|potrac\p{L}*|poplat\p{L}*|zaloh\p{L}*|strhav\p{L}*|gebuhr\p{L}*|kaution|kosten|abzug|cuota|tasa|fianza|gastos|coste|descuent\p{L}*|tassa|quota|cauzione|spese|costo|trattenut\p{L}*|такс\p{L}*|депозит\p{L}*|удръжк\p{L}*|τελ\p{L}*|εξοδ\p{L}*|προκαταβολ\p{L}*|κρατησ\p{L}*|por adelantado)[^\n.;!?]{0,25}$/u;
const HOUSING_BEFORE = /(?<![\p{L}])(?:rent|accommodation|housing|room|czynsz\p{L}*|zakwaterowani\p{L}*|pokoj|mieszkani\p{L}*|ubytovani\p{L}*|izba|miete|unterkunft|zimmer|alquiler|alojamiento|habitacion|affitto|alloggio|stanza|наем|квартир\p{L}*|стая|ενοικ\p{L}*|διαμον\p{L}*|δωματιο)[^\n.;!?,]{0,12}$/u;
const COST_AFTER = /^[^\n]{0,20}(?:fee|deposit|for (?:the )?(?:visa|accommodation|housing|transport)|oplat\p{L}*|za (?:zakwaterowanie|mieszkanie|wize|przejazd)|poplat\p{L}*|za ubytovanie|gebuhr|kaution|fur (?:unterkunft|miete)|de (?:alojamiento|alquiler)|di (?:affitto|alloggio)|такса|за квартира|για (?:διαμονη|ενοικιο)|(?:sa )?strhava|potracan\p{L}*|platny osobno)/u;

/** Monthly pay quoted in 14 payments a year (ES, GR, PT, AT, IT): monthly equivalent is 14/12 of it. */
const FOURTEEN = new RegExp(toFoldedClasses(String.raw`(?<![\p{N}])14 (?:pagas|pagos|payments|salaries|salari\p{L}*|mensilita|gehalter|monatsgehalter|μισθ\p{L}*|pay\p{L}*)`), 'u');

/** Every amount with a currency in the folded text. */
export function parsePay(text: string, defaultCurrency?: string): PayAmount[] {
  const out: PayAmount[] = [];
  const fourteen = text.includes('14 ') && FOURTEEN.test(text);
  AMOUNT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AMOUNT.exec(text)) !== null) {
    if (m[0].length === 0) {
      AMOUNT.lastIndex++;
      continue;
    }
    const g = m.groups!;
    const currency = currencyCode(g.c1) ?? currencyCode(g.c0?.trim()) ?? currencyCode(g.c2?.trim()) ?? undefined;
    if (!currency && !defaultCurrency) continue;
    const code = currency ?? defaultCurrency!;
    const rate = (rates.eurPer as Record<string, number>)[code];
    if (!rate) continue;
    const a = parseNumber(g.a!, g.k1 ?? g.k2);
    const b = g.b ? parseNumber(g.b, g.k2 ?? g.k1) : a;
    if (!Number.isFinite(a) || !Number.isFinite(b) || a <= 0) continue;
    const min = Math.min(a, b);
    const max = Math.max(a, b);
    const from = m.index;
    const to = m.index + m[0].trimEnd().length;
    const before = text.slice(Math.max(0, from - 45), from);
    if (FEE_BEFORE.test(before) || HOUSING_BEFORE.test(before) || COST_AFTER.test(text.slice(to, to + 30))) continue;
    let period = detectPeriod(text, from, to);
    let periodInferred = false;
    if (!period) {
      period = inferPeriod(max * rate);
      periodInferred = period !== undefined;
    }
    if (!period) continue;
    const around = text.slice(Math.max(0, from - 25), Math.min(text.length, to + 40));
    const basis = GROSS.test(around) ? 'gross' : NET.test(around) ? 'net' : undefined;
    const k = period === 'month' && fourteen ? 14 / 12 : 1;
    out.push({
      from, to, min, max, currency: code, period, periodInferred, basis,
      monthlyEurMin: min * rate * PER_MONTH[period] * k,
      monthlyEurMax: max * rate * PER_MONTH[period] * k,
    });
  }
  return out;
}

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const PAY_REGEXES: Record<string, RegExp> = {
  AMOUNT, GROSS, NET, BASIS_WORD, FEE_BEFORE, HOUSING_BEFORE, COST_AFTER, FOURTEEN,
  ...Object.fromEntries(PERIOD_RES.map(([p, re]) => [`PERIOD_${p}`, re])),
  ...Object.fromEntries(RATE_BEFORE.map(([p, re]) => [`RATE_${p}`, re])),
};
