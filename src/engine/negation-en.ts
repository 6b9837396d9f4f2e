/**
 * English negation scope with compromise. The cue lists (rules/negation.yaml) say a negation word is
 * near a match; compromise then splits the sentence into clauses and checks that the clause holding
 * the match is itself negative, so "we are not an agency, but you pay a registration fee" still
 * flags the fee. Only called for the rare matches that have a cue nearby, so its cost stays off the
 * hot path.
 */
import nlp from 'compromise';

const SENTENCE_END = /[.!?\n]/g;
const PLAIN_NEGATION = /(?<![\p{L}\p{N}])(?:no|without|never|zero|free of|not)(?![\p{L}\p{N}])/u;
/** Warnings are not grammatical negation, but they are not offers either ("beware of ... fees"). */
const WARNING = /(?<![\p{L}\p{N}])(?:beware|avoid|warning|refuse|report|scam\p{L}*|fraud\p{L}*)(?![\p{L}\p{N}])/u;

export function isNegatedEnglish(text: string, from: number, to: number): boolean {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null && m.index < from) start = m.index + 1;
  SENTENCE_END.lastIndex = to;
  const endMatch = SENTENCE_END.exec(text);
  const end = endMatch ? endMatch.index : text.length;
  const sentence = text.slice(start, end);
  const matched = text.slice(from, to);
  const clauses = nlp(sentence).clauses();
  const texts: string[] = clauses.out('array');
  const at = texts.findIndex((c) => c.toLowerCase().includes(matched));
  if (at < 0) return true; // compromise split differently: trust the cue list
  const clauseText = texts[at]!;
  if (WARNING.test(clauseText.toLowerCase())) return true;
  const clause = nlp(clauseText);
  if (clause.has('#Negative') || clause.verbs().isNegative().found) return true;
  const before = clauseText.toLowerCase().slice(0, Math.max(0, clauseText.toLowerCase().indexOf(matched)));
  return PLAIN_NEGATION.test(before);
}

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const NEGATION_EN_REGEXES = { SENTENCE_END, PLAIN_NEGATION, WARNING };
