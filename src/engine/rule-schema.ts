/**
 * The shape of a rule file (rules/<indicator id>.yaml) and of the runtime pack built from them.
 * Validated with zod when the packs are built and again when an engine loads them, so that a bad
 * custom pack is refused with a list of what is wrong and where, and the current rules stay active.
 */
import { z } from 'zod';
import { LANGS } from './types.js';

export const CATEGORIES = [
  'labour_recruitment',
  'sexual_exploitation_recruitment',
  'labour_conditions',
  'mitigating',
  'escort_ads',
  'escort_ads_non_indicator',
  'network',
  'context',
] as const;

/** Named weights, in score points. The catalogue suggests tiers; the points are ours (see scoring.ts). */
export const WEIGHTS = {
  zero: 0,
  low: 6,
  low_medium: 10,
  medium: 16,
  medium_high: 22,
  high: 30,
  very_high: 40,
} as const;
export type WeightName = keyof typeof WEIGHTS;
const weightNames = Object.keys(WEIGHTS) as [WeightName, ...WeightName[]];

/** Detectors: indicators computed by code from parsed facts rather than matched as phrases. */
export const DETECTORS = ['pay', 'contacts', 'obscured_phone', 'employer', 'vagueness', 'location', 'details'] as const;

/**
 * `cross_ad`: scored from the local index of other ads (src/network/), not from the ad's own words;
 * such rules have no patterns or examples.
 */
export const STATUSES = ['scored', 'context', 'non_indicator', 'cross_ad'] as const;

const LangKey = z.enum([...LANGS, 'any']);

const RegexPattern = z
  .object({
    re: z.string().min(1),
    anchors: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict();

export const LangPatterns = z
  .object({
    phrases: z.array(z.string().min(1)).optional(),
    regex: z.array(RegexPattern).optional(),
  })
  .strict();

/** Ad fields an example may set besides its text (the detectors read them). */
const exampleFields = {
  text: z.string().min(1),
  title: z.string().optional(),
  country: z.string().length(2).optional(),
  location: z.string().optional(),
  employer: z.string().optional(),
};

/** `match` is the exact original text the flag must point at; omitted for signs of absence (no span). */
const FlaggedExample = z.object({ ...exampleFields, match: z.string().min(1).optional() }).strict();

const CleanExample = z.union([z.string().min(1), z.object(exampleFields).strict()]);

export const LangExamples = z
  .object({
    flagged: z.array(FlaggedExample),
    clean: z.array(CleanExample),
  })
  .strict();

const RuleCore = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case'),
  title: z.string().min(1),
  category: z.enum(CATEGORIES),
  weight: z.enum(weightNames),
  status: z.enum(STATUSES).default('scored'),
  message: z.string().min(1),
  rationale: z
    .object({
      text: z.string().min(1),
      sources: z.array(z.string()).default([]),
      seed: z.string().optional(),
    })
    .strict(),
  misfires: z.string().min(1),
  advice: z.string().min(1),
  /**
   * Frequent in ordinary ads (VOLODKO_2020): signs marked common can on their own never take an ad
   * past "low", however many of them there are.
   */
  common: z.boolean().default(false),
  /** A negation or warning nearby ("we never charge fees") turns a match into a mitigation. */
  negatable: z.boolean().default(false),
  /** The rule counts only when one of these rules or contexts was also found. */
  requires: z.array(z.string()).optional(),
  /** The weight rises to `weight` when one of these rules or contexts was also found. */
  boost: z.object({ with: z.array(z.string()).min(1), weight: z.enum(weightNames) }).strict().optional(),
  detector: z.enum(DETECTORS).optional(),
  patterns: z.partialRecord(LangKey, LangPatterns).default({}),
};

export const RuleFileSchema = z
  .object({
    ...RuleCore,
    examples: z.partialRecord(z.enum(LANGS), LangExamples).default({}),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFileSchema>;

/** What the runtime needs: a rule without its examples. */
export const RuntimeRuleSchema = z.object(RuleCore).strict();
export type RuntimeRule = z.infer<typeof RuntimeRuleSchema>;

/** Negation and warning cues per language (rules/negation.yaml). */
export const NegationSchema = z.partialRecord(
  z.enum(LANGS),
  z
    .object({
      before: z.array(z.string().min(1)).min(1),
      after: z.array(z.string().min(1)).default([]),
      breaks: z.array(z.string().min(1)).default([]),
    })
    .strict(),
);
export type NegationCues = z.infer<typeof NegationSchema>;

export const PackSchema = z
  .object({
    version: z.string(),
    rules: z.array(RuntimeRuleSchema),
    negation: NegationSchema,
  })
  .strict();
export type Pack = z.infer<typeof PackSchema>;

/** Formats zod issues as "where: what" lines, for people fixing a rule file. */
export function describeIssues(error: z.ZodError, prefix = '', root = '(root)'): string[] {
  return error.issues.map((i) => `${prefix}${i.path.length ? i.path.join('.') : root}: ${i.message}`);
}
