/**
 * Catastrophic backtracking. Every regular expression the engine runs is checked with recheck:
 * the hand-written expressions of every rule pack, the engine's own expressions (contacts, pay,
 * detectors, English negation), the negation cues of every language, and phrases that use every
 * piece of the phrase grammar (phrases compile from a small grammar, so a sample that combines each
 * piece with each other stands for all of them).
 *
 * recheck analyses an expression in "consuming form": the one-character word-boundary look-arounds
 * that open and close most of them are rewritten as the character they forbid, which recheck's
 * automaton can read (a look-around reads a single character and cannot repeat, so this keeps the
 * backtracking behaviour). recall validation makes recheck confirm each attack string by running
 * it, so a "vulnerable" here is a real one.
 */
import { check, type Diagnostics } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../src/engine/compile.js';
import { CONTACT_REGEXES } from '../src/engine/contacts.js';
import { DETECTOR_REGEXES } from '../src/engine/detectors/index.js';
import { NEGATION_EN_REGEXES } from '../src/engine/negation-en.js';
import { PAY_REGEXES } from '../src/engine/pay.js';
import { NETWORK_CONTACT_REGEXES } from '../src/network/contacts.js';
import { FINGERPRINT_REGEXES } from '../src/network/fingerprint.js';
import { compilePhrase } from '../src/engine/patterns.js';
import { anchorTexts, flagsFor } from '../src/engine/prefilter.js';
import { toPack } from '../src/rules/pack.js';
import { readRuleFolder } from '../src/rules/read-files.js';
import { branches, consumingForm, fewerRounds, withoutLookarounds } from './support/redos-forms.js';

const PARAMS = { timeout: 10_000, recallTimeout: 1_000, randomSeed: 1 } as const;

interface Subject {
  what: string;
  source: string;
  flags: string;
}

interface Verdict {
  what: string;
  status: Diagnostics['status'];
  /** How the verdict was reached, when recheck could not decide the expression as written. */
  how?: string;
  attack?: string;
}

/**
 * recheck on the consuming form; when it cannot decide in time, on the form without look-arounds
 * and with fewer rounds of bounded loops (only a "safe" counts there: dropping look-arounds can
 * allow backtracking the original forbids); then alternative by alternative (see branches()).
 */
async function decide(source: string, flags: string, depth = 0): Promise<Omit<Verdict, 'what'>> {
  const first = await check(consumingForm(source), flags, PARAMS);
  if (first.status === 'vulnerable') return { status: 'vulnerable', attack: first.attack.pattern };
  if (first.status === 'safe') return { status: 'safe' };
  const loose = await check(fewerRounds(withoutLookarounds(consumingForm(source))), flags, PARAMS);
  if (loose.status === 'safe') return { status: 'safe', how: 'without look-arounds, three rounds' };
  const parts = depth < 3 ? branches(source) : [source];
  if (parts.length === 1) return { status: 'unknown', how: `${first.status === 'unknown' ? first.error.kind : ''}, and ${loose.status} without look-arounds` };
  for (const [k, part] of parts.entries()) {
    const v = await decide(part, flags, depth + 1);
    if (v.status !== 'safe') return { ...v, how: `alternative ${k + 1} of ${parts.length} (${part.slice(0, 120)}): ${v.how ?? v.status}` };
  }
  return { status: 'safe', how: `alternative by alternative (${parts.length})` };
}

async function verdict(s: Subject): Promise<Verdict> {
  return { what: s.what, ...(await decide(s.source, s.flags.replace(/[gy]/g, ''))) };
}

async function quickVerdict(s: Subject): Promise<Verdict> {
  const d = await check(consumingForm(s.source), s.flags.replace(/[gy]/g, ''), PARAMS);
  return { what: s.what, status: d.status, attack: d.status === 'vulnerable' ? d.attack.pattern : undefined };
}

const folder = readRuleFolder('rules');
const compiled = compilePack(toPack(folder.rules, folder.negation, 'test'));

const handWritten: Subject[] = compiled.index.entries.flatMap((e) =>
  e.kind === 'rule' && e.label.includes('.regex[') ? [{ what: `${compiled.rules[e.rule]!.id} ${e.label}`, source: e.source, flags: flagsFor(e.atStart) }] : [],
);

const engine: Subject[] = Object.entries({ ...CONTACT_REGEXES, ...PAY_REGEXES, ...DETECTOR_REGEXES, ...NEGATION_EN_REGEXES, ...NETWORK_CONTACT_REGEXES, ...FINGERPRINT_REGEXES }).map(([name, re]) => ({
  what: name,
  source: re.source,
  flags: re.flags,
}));

const negation: Subject[] = [...compiled.negation].flatMap(([lang, n]) =>
  [
    ['before', n.before],
    ['after', n.after],
    ['breaks', n.breaks],
  ].flatMap(([part, re]) => (re ? [{ what: `negation ${lang} ${part as string}`, source: (re as RegExp).source, flags: (re as RegExp).flags }] : [])),
);

/**
 * Each piece of the phrase grammar next to each other piece, and pieces on both sides of a gap.
 * recheck cannot decide some gap phrases in its time budget (the bounded gap unrolls into a large
 * automaton): those are reported, not failed, and the last test below runs every compiled pattern
 * of every pack on adversarial text instead. A "vulnerable" always fails.
 */
const PIECES = ['fee', 'fee*', 'fee|deposit*', 'any?', '#', '€', 'e-mail', 'такса*'];
const GRAMMAR: string[] = [
  ...PIECES.flatMap((a) => PIECES.filter((b) => !b.endsWith('?')).map((b) => `${a} ${b}`)),
  ...['fee*', '#', '€', 'e-mail'].flatMap((a) => ['..', '...'].flatMap((gap) => ['fee*', '#'].map((b) => `${a} ${gap} ${b}`))),
];
const grammar: Subject[] = GRAMMAR.map((p) => {
  const c = compilePhrase(p);
  return { what: `phrase "${p}"`, source: c.source, flags: 'u' };
});

describe('ReDoS', () => {
  const results = new Map<string, Verdict[]>();
  beforeAll(async () => {
    const groups = { handWritten, engine, negation, grammar };
    for (const [name, subjects] of Object.entries(groups)) {
      // Two at a time: the checks are CPU-bound, and the machine the tests run on has two cores.
      const out: Verdict[] = [];
      // Grammar samples get recheck's first answer only (see GRAMMAR).
      const judge = name === 'grammar' ? quickVerdict : verdict;
      for (let i = 0; i < subjects.length; i += 2) out.push(...(await Promise.all(subjects.slice(i, i + 2).map(judge))));
      results.set(name, out);
    }
  }, 1_800_000);

  const problems = (name: string) =>
    results
      .get(name)!
      .filter((r) => r.status !== 'safe')
      .map((r) => `${r.what}: ${r.status}${r.how ? `, ${r.how}` : ''}${r.attack ? ` (attack ${r.attack})` : ''}`);

  it(`the ${handWritten.length} hand-written expressions of the rule packs are safe`, () => {
    expect(handWritten.length).toBeGreaterThan(50);
    expect(problems('handWritten')).toEqual([]);
  });
  it(`the engine's ${engine.length} own expressions are safe`, () => {
    expect(problems('engine')).toEqual([]);
  });
  it(`the negation cues of ${compiled.negation.size} languages are safe`, () => {
    expect(compiled.negation.size).toBe(8);
    expect(problems('negation')).toEqual([]);
  });
  it(`${GRAMMAR.length} phrases combining every piece of the phrase grammar are not vulnerable`, () => {
    const grammarResults = results.get('grammar')!;
    expect(grammarResults.filter((r) => r.status === 'vulnerable').map((r) => `${r.what} (attack ${r.attack})`)).toEqual([]);
    const undecided = grammarResults.filter((r) => r.status !== 'safe');
    if (undecided.length) console.info(`recheck could not decide in time: ${undecided.map((r) => r.what).join(', ')}`);
    expect(grammarResults.length - undecided.length).toBeGreaterThanOrEqual(GRAMMAR.length * 0.6);
  });

  it('every compiled pattern of every pack finishes on adversarial text built from its anchors', { timeout: 300_000 }, () => {
    const anchors = new Set<string>();
    for (const a of anchorTexts(compiled.index)) anchors.add(a.slice(1));
    const words = [...anchors];
    const inputs = [
      'a'.repeat(5_000),
      ' .'.repeat(2_000),
      '1 '.repeat(2_000),
      '1 000 '.repeat(1_000),
      '-'.repeat(5_000),
      words.slice(0, 400).join(' '),
      ...words.filter((_, i) => i % Math.ceil(words.length / 30) === 0).map((w) => `${w} `.repeat(40) + w + 'a'.repeat(1_000)),
    ];
    let runs = 0;
    for (const e of compiled.index.entries) {
      const re = new RegExp(e.source, 'gu');
      for (const input of inputs) {
        re.lastIndex = 0;
        re.exec(input);
        runs++;
      }
    }
    expect(runs).toBe(compiled.index.entries.length * inputs.length);
  });
});

describe('the ReDoS check itself', () => {
  it('finds a catastrophic expression, and one hidden behind word boundaries', async () => {
    expect((await check('^(?:a+)+$', '', PARAMS)).status).toBe('vulnerable');
    expect((await verdict({ what: 'x', source: '(?<![a-z])(?:x\\s*\\s*)+y(?![a-z])', flags: 'u' })).status).toBe('vulnerable');
  });
  it('rewrites word boundaries into consuming form', () => {
    expect(consumingForm('(?<![a-z\\u01c2])(?:ab)(?![a-z\\u01c2])')).toBe('(?:^|[^a-z\\u01c2])(?:ab)(?:[^a-z\\u01c2]|$)');
    expect(withoutLookarounds('a(?<![b(])c(?=d)e')).toBe('ace');
    expect(fewerRounds('(?: x+){0,6}y{2}z{1,3}')).toBe('(?: x+){0,3}y{2}z{1,3}');
    expect(branches('(?<!a)(?:b|c(?:d|e))f')).toEqual(['(?<!a)(?:b)f', '(?<!a)(?:c(?:d|e))f']);
    expect(branches('x|y')).toEqual(['x', 'y']);
    expect(branches('(?:b|c)+f')).toEqual(['(?:b|c)+f']);
  });
  it('knows the engine bugs it caught: an unbounded e-mail local part and groups of thousands', async () => {
    expect((await check('[\\p{L}\\p{N}._%+-]+@x', 'u', PARAMS)).status).toBe('vulnerable');
    expect((await check('(?:^|[^\\d])\\d{1,3}(?:[ ]\\d{3})+x', 'u', PARAMS)).status).toBe('vulnerable');
  });
});
