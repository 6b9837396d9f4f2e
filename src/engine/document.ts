/**
 * The folded view of an ad: its fields normalised and joined into one string, with the way back
 * from any range of that string to a field and the original offsets inside it.
 */
import { normalise, type Normalised } from './normalise.js';
import { wordsOf, type TextWords } from './prefilter.js';
import type { Ad, AdField, Span } from './types.js';

export interface FieldPart {
  field: AdField;
  original: string;
  norm: Normalised;
  /** Where the field's folded text starts in the document. */
  offset: number;
}

export interface AdDocument {
  /** Folded fields joined by a newline: patterns never cross a newline, so never two fields. */
  text: string;
  parts: FieldPart[];
  /** 1 where a digit was written as a word in the original. */
  spelled: Uint8Array;
  /** The words of `text`, from the fields' normalisation (what prefilter.wordsOf(text) finds). */
  words: TextWords;
}

export function structuredPayText(pay: Ad['pay']): string | undefined {
  if (pay === undefined || pay === null) return undefined;
  if (typeof pay === 'string') return pay;
  const amount = [pay.min, pay.max].filter((x) => typeof x === 'number' && Number.isFinite(x)).join(' - ');
  if (!amount) return undefined;
  return [amount, pay.currency, pay.period, pay.basis].filter(Boolean).join(' ');
}

const FIELD_ORDER: AdField[] = ['title', 'text', 'employer', 'location', 'pay'];

export function buildDocument(ad: Ad): AdDocument {
  const parts: FieldPart[] = [];
  let text = '';
  const spelledChunks: Uint8Array[] = [];
  for (const field of FIELD_ORDER) {
    const value = field === 'pay' ? structuredPayText(ad.pay) : (ad[field] as string | undefined);
    if (typeof value !== 'string' || value.length === 0) continue;
    const norm = normalise(value);
    if (text.length > 0) {
      text += '\n';
      spelledChunks.push(new Uint8Array(1));
    }
    parts.push({ field, original: value, norm, offset: text.length });
    text += norm.text;
    spelledChunks.push(norm.spelled);
  }
  // One field (most ads): its arrays are the document's, without copying.
  const wordsOfPart = (p: FieldPart) => p.norm.words ?? wordsOf(p.norm.text);
  if (parts.length === 1) {
    const w = wordsOfPart(parts[0]!);
    return { text, parts, spelled: parts[0]!.norm.spelled, words: { text, start: w.start, end: w.end, n: w.n } };
  }
  const spelled = new Uint8Array(text.length);
  let at = 0;
  for (const c of spelledChunks) {
    spelled.set(c, at);
    at += c.length;
  }
  // Fields are joined by a newline, which no word crosses: the words are the fields' words, moved.
  let n = 0;
  const partWords = parts.map(wordsOfPart);
  for (const w of partWords) n += w.n;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let w = 0;
  for (const [i, p] of parts.entries()) {
    const { start: s, end: e, n: m } = partWords[i]!;
    for (let k = 0; k < m; k++) {
      start[w] = s[k]! + p.offset;
      end[w++] = e[k]! + p.offset;
    }
  }
  return { text, parts, spelled, words: { text, start, end, n } };
}

/** The field part that holds document index `i`. */
export function partAt(doc: AdDocument, i: number): FieldPart | undefined {
  let found: FieldPart | undefined;
  for (const p of doc.parts) {
    if (p.offset <= i) found = p;
    else break;
  }
  return found;
}

/** Turns a range of the document into a span of the original field (clipped to one field). */
export function toSpan(doc: AdDocument, from: number, to: number): Span | undefined {
  const part = partAt(doc, from);
  if (!part) return undefined;
  const localFrom = from - part.offset;
  const localTo = Math.min(to - part.offset, part.norm.text.length);
  if (localTo <= localFrom) return undefined;
  return { field: part.field, start: part.norm.start[localFrom]!, end: part.norm.end[localTo - 1]! };
}

export function spanText(ad: Ad, doc: AdDocument, span: Span): string {
  const part = doc.parts.find((p) => p.field === span.field);
  const src = part?.original ?? (ad[span.field as keyof Ad] as string | undefined) ?? '';
  return src.slice(span.start, span.end);
}
