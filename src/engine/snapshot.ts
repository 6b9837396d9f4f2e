/**
 * The built-in packs' compiled form, written at build time (src/rules/engine.generated.json) so that
 * an engine starts by reading arrays instead of validating 36 rule files and building an index of
 * 2,466 patterns and place names (a service worker wakes up often; every start counts).
 *
 * The build validates the pack with zod and compiles it (compile.ts); the snapshot records the result
 * exactly: the validated rules, every index entry with its expression in the memo's compact form, the
 * trie's nodes, which entries each anchor calls for, and the negation cues' expressions. Restoring it
 * gives an index that scans and matches exactly as the compiled one (tests/snapshot.test.ts).
 * Custom packs never take this path: they are validated and compiled when they load.
 */
import type { CompiledEntry, CompiledNegation, CompiledPack } from './compile.js';
import { expandSource, shortenSource } from './patterns.js';
import type { PlaceEntry } from './places.js';
import { restoreIndex, type IndexParts } from './prefilter.js';
import type { Pack } from './rule-schema.js';
import type { Lang } from './types.js';

/** Bumped whenever the layout changes: an engine refuses a snapshot of another format. */
export const SNAPSHOT_FORMAT = 1;

/** A rule entry: [0, rule, source, atStart, group, label]; a place: [1, code, source, atStart, group]. */
type EntryRow = [0, number, string, 0 | 1, number, string] | [1, string, string, 0 | 1, number];
/** Anchor slots: [node, exact, groups mask, [group, start entries, scan entries, required entries][]]. */
type SlotRow = IndexParts['slots'][number];

export interface EngineSnapshot {
  format: number;
  /**
   * The validated pack (zod's output, defaults filled in), its rules without their patterns: those
   * are in the index, and the engine reads only the rules' other fields.
   */
  pack: Pack;
  entries: EntryRow[];
  /** Per trie node but the root: the key of the edge that leads to it (node * 128 + letter code). */
  nodeKeys: number[];
  slots: SlotRow[];
  always: number[];
  requires: number[];
  /** Per language: the negation cues' expressions [before, after or null, clause breaks]. */
  negation: Partial<Record<Lang, [string, string | null, string]>>;
}

export function toSnapshot(pack: Pack, compiled: CompiledPack): EngineSnapshot {
  const index = compiled.index;
  const entries: EntryRow[] = index.entries.map((e) =>
    e.kind === 'rule'
      ? [0, e.rule, shortenSource(e.source), e.atStart ? 1 : 0, e.group, e.label]
      : [1, e.code, shortenSource(e.source), e.atStart ? 1 : 0, e.group],
  );
  const slots: SlotRow[] = [];
  index.prefixAt.forEach((s, node) => {
    if (s) slots.push([node, 0, s.groups, s.lists]);
  });
  index.exactAt.forEach((s, node) => {
    if (s) slots.push([node, 1, s.groups, s.lists]);
  });
  const negation: EngineSnapshot['negation'] = {};
  for (const [lang, n] of compiled.negation) negation[lang] = [n.before.source, n.after?.source ?? null, n.breaks.source];
  return {
    format: SNAPSHOT_FORMAT,
    pack: { ...pack, rules: pack.rules.map((r) => ({ ...r, patterns: {} })) },
    entries,
    nodeKeys: index.nodeKeys.slice(1),
    slots,
    always: index.always,
    requires: [...index.requires],
    negation,
  };
}

export class SnapshotError extends Error {}

export function fromSnapshot(snap: EngineSnapshot): CompiledPack {
  if (snap.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`engine snapshot format ${snap.format}, expected ${SNAPSHOT_FORMAT}: run npm run build:rules`);
  const entries: (CompiledEntry | PlaceEntry)[] = snap.entries.map((r) =>
    r[0] === 0
      ? { kind: 'rule', rule: r[1], source: expandSource(r[2]), atStart: r[3] === 1, group: r[4], label: r[5] }
      : { kind: 'place', code: r[1], source: expandSource(r[2]), atStart: r[3] === 1, group: r[4] },
  );
  const parts: IndexParts = { nodeKeys: snap.nodeKeys, slots: snap.slots, always: snap.always, requires: snap.requires };
  const negation = new Map<Lang, CompiledNegation>();
  for (const [lang, [before, after, breaks]] of Object.entries(snap.negation) as [Lang, [string, string | null, string]][]) {
    negation.set(lang, { before: new RegExp(before, 'u'), after: after === null ? undefined : new RegExp(after, 'u'), breaks: new RegExp(breaks, 'gu') });
  }
  return {
    version: snap.pack.version,
    rules: snap.pack.rules,
    ruleIndex: new Map(snap.pack.rules.map((r, i) => [r.id, i])),
    index: restoreIndex(entries, parts),
    negation,
  };
}
