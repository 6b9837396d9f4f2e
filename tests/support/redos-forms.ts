/**
 * Rewritings of a regular expression that recheck can analyse when it cannot decide the original,
 * and that keep what matters for catastrophic backtracking (see tests/redos.test.ts).
 */

/** `(?<![X])` at the start and `(?![X])` at the end become `(?:^|[^X])` and `(?:[^X]|$)`. */
export function consumingForm(source: string): string {
  return source
    .replace(/^\(\?<!\[((?:\\.|[^\]\\])+)\]\)/, (_, cls: string) => `(?:^|[^${cls}])`)
    .replace(/\(\?!\[((?:\\.|[^\]\\])+)\]\)$/, (_, cls: string) => `(?:[^${cls}]|$)`);
}

/** The expression without look-arounds: they only restrict what matches, and never repeat. */
export function withoutLookarounds(source: string): string {
  let out = source;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\(\?<?[=!](?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\[])*\)/g, '');
  }
  return out;
}

/**
 * Bounded repetitions cut to at most three rounds: a bounded loop cannot make matching time grow
 * with the text by itself; what can is an unbounded loop inside it meeting the next round or what
 * follows, and three rounds show every such meeting.
 */
export function fewerRounds(source: string): string {
  return source.replace(/(?<!\\)\{(\d+),(\d+)\}/g, (all, m: string, n: string) => (Number(n) > 3 ? `{${Math.min(Number(m), 3)},3}` : all));
}

/** Where the group opening at `i` closes (skipping escapes and classes), or -1. */
function closing(src: string, i: number): number {
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '[') {
      for (k++; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

/** The top-level alternatives of `src`. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '[') {
      for (k++; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k++;
    } else if (c === '(') k = closing(src, k);
    else if (c === '|') {
      out.push(src.slice(from, k));
      from = k + 1;
    }
    if (k < 0) return [src];
  }
  out.push(src.slice(from));
  return out;
}

/**
 * The expression as the alternatives it is made of: `P(?:A|B)S` with the group not repeated is
 * `PAS|PBS`, and a backtracking matcher tries the alternatives one after the other, so its time is
 * the sum of theirs. Splits the top level and the first unrepeated group with alternatives.
 */
export function branches(source: string): string[] {
  const top = alternatives(source);
  if (top.length > 1) return top;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c !== '(') continue;
    const end = closing(source, i);
    if (end < 0) return [source];
    const head = source.startsWith('(?:', i) ? 3 : source.startsWith('(?<', i) && !source.startsWith('(?<!', i) && !source.startsWith('(?<=', i) ? source.indexOf('>', i) - i + 1 : source.startsWith('(?', i) ? -1 : 1;
    const repeated = /^[?*+{]/.test(source[end + 1] ?? '');
    if (head > 0 && !repeated) {
      const alts = alternatives(source.slice(i + head, end));
      if (alts.length > 1) return alts.map((a) => `${source.slice(0, i)}(?:${a})${source.slice(end + 1)}`);
    }
    i = end; // a look-around or a repeated group: look past it
  }
  return [source];
}
