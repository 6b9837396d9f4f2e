/**
 * Builds the helpline directory (src/helplines/helplines.json) from the project's reference
 * (../shared/reference/helplines.json: facts with their sources and confidence). Run it when the
 * reference changes: `npx tsx scripts/build-helplines.ts`; the directory is committed, so that the
 * extension and the tests do not need ../shared.
 *
 * What it does to the reference: one entry per callable number (a line with several regional numbers
 * becomes one entry each; an alternative number becomes its own entry), numbers checked with
 * libphonenumber-js (full numbers) or kept as short codes (112, 116 000, 1109: libphonenumber-js
 * has no short-number data), organisations without a number kept as the country's links, "UK" as
 * GB, and two additions the reference's own notes point to, each marked with where it comes from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Helpline, HelplineDirectory, HelplineLink } from '../src/helplines/types.js';

const root = join(import.meta.dirname, '..');
const REFERENCE = join(root, '..', 'shared', 'reference', 'helplines.json');
const CHECKED = '2026-12-07';

interface RefEntry {
  name: string;
  operator?: string;
  phone?: string;
  phone_intl?: string;
  phone_alt?: string;
  email?: string;
  web?: string;
  hours?: string;
  languages?: string;
  cost?: string;
  anonymous?: boolean;
  notes?: string;
  sources: string[];
  confidence: string;
  services?: string;
  sms?: string;
  chat?: string;
}

const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { helplines: { country: string; entries: RefEntry[] }[] };

/** The reference's confidence words ("high for numbers; hours possibly outdated") as three levels. */
function level(confidence: string): Helpline['confidence'] {
  const c = confidence.toLowerCase();
  if (c.startsWith('high')) return 'high';
  if (c.startsWith('medium') || c.startsWith('low-medium')) return 'medium';
  return 'low';
}

/** A phone text as a callable number: E.164 for full numbers, digits for short codes. */
function callable(text: string, country: string): { tel: string; short: boolean } | undefined {
  const digits = text.replace(/[^\d+]/g, '');
  if (/^\d{3,6}$/.test(digits)) return { tel: digits, short: true };
  const region = (country === 'EU' ? undefined : country) as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed?.isValid()) return undefined;
  return { tel: parsed.number, short: false };
}

/** Words that say when a text is unknown rather than a fact: such fields are left out. */
const UNKNOWN = /^(?:not stated|none|n\/a)/i;
const fact = (s: string | undefined) => (s && !UNKNOWN.test(s.trim()) ? s.trim() : undefined);

const entries: Helpline[] = [];
const links: HelplineLink[] = [];
const problems: string[] = [];

function add(country: string, e: RefEntry, phoneText: string, label?: string) {
  const n = callable(phoneText, country);
  if (!n) {
    problems.push(`${country} ${e.name}: "${phoneText}" is not a valid number`);
    return;
  }
  entries.push({
    country,
    name: label ? `${e.name} (${label})` : e.name,
    ...(e.operator ? { operator: e.operator } : {}),
    phone: phoneText.trim(),
    tel: n.tel,
    short: n.short,
    ...(fact(e.hours) ? { hours: fact(e.hours) } : {}),
    ...(fact(e.languages) ? { languages: fact(e.languages) } : {}),
    ...(fact(e.cost) ? { cost: fact(e.cost) } : {}),
    ...(e.anonymous !== undefined ? { anonymous: e.anonymous } : {}),
    ...(e.email ? { email: e.email } : {}),
    ...(e.web ? { web: e.web } : {}),
    ...(fact(e.notes) ? { notes: fact(e.notes) } : {}),
    sources: e.sources,
    checked: CHECKED,
    confidence: level(e.confidence),
    confidenceNote: e.confidence,
  });
}

for (const { country: c, entries: list } of ref.helplines) {
  const country = c === 'UK' ? 'GB' : c;
  for (const e of list) {
    if (!e.phone) {
      links.push({ country, name: e.name, ...(e.web ? { web: e.web } : {}), ...(fact(e.notes) ? { notes: fact(e.notes) } : {}), sources: e.sources, checked: CHECKED, confidence: level(e.confidence) });
      continue;
    }
    // "Norte 918 654 101; Centro 918 654 104; ...": one entry per region.
    const parts = e.phone.split(';').map((p) => p.trim()).filter(Boolean);
    for (const part of parts) {
      const m = /^([^\d+]+?)\s+([+\d][\d\s-]+)$/.exec(part);
      if (parts.length > 1 && m) add(country, e, m[2]!, m[1]!.trim());
      else add(country, e, part);
    }
    if (e.phone_alt) add(country, e, e.phone_alt.replace(/\(.*?\)/g, '').trim(), e.phone_alt.includes('normal rate') ? 'normal rate' : 'other number');
  }
}

// Countries whose reference entry has no number, where its own notes name one.
const ADDITIONS: { country: string; entry: RefEntry; why: string }[] = [
  {
    country: 'FR',
    entry: {
      name: 'Comité contre l’esclavage moderne (CCEM)',
      phone: '+33 1 44 52 88 90',
      web: 'https://www.esclavagemoderne.org',
      sources: ['esclavagemoderne.org, as named in the reference notes for France'],
      confidence: 'medium',
      notes: 'France has no dedicated national anti-trafficking hotline; the CCEM supports victims of forced labour and domestic servitude.',
    },
    why: 'named in the reference notes',
  },
];
for (const a of ADDITIONS) add(a.country, a.entry, a.entry.phone!);

if (problems.length) {
  console.error(`helplines: ${problems.length} number(s) not valid:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const directory: HelplineDirectory = {
  source: '../shared/reference/helplines.json (facts with sources; dates are those of the sources, not live checks)',
  built: CHECKED,
  entries,
  links,
};
writeFileSync(join(root, 'src', 'helplines', 'helplines.json'), `${JSON.stringify(directory, null, 1)}\n`);
console.log(`helplines: ${entries.length} numbers, ${links.length} links, ${new Set(entries.map((e) => e.country)).size} countries`);
