/** The Assessment as a zod schema: extension pages validate what the background sends, tests check the engine. */
import { z } from 'zod';
import { AD_FIELDS, LANGS } from './types.js';

export const SpanSchema = z.object({ field: z.enum(AD_FIELDS), start: z.number().int().min(0), end: z.number().int().min(0) }).strict();

export const FlagSchema = z
  .object({
    rule: z.string().min(1),
    category: z.string().min(1),
    weight: z.number().min(0),
    contribution: z.number(),
    spans: z.array(SpanSchema),
    match: z.string(),
    negated: z.boolean().optional(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    related: z
      .array(z.object({ url: z.string().optional(), title: z.string().optional(), poster: z.string().optional(), city: z.string().optional(), contacts: z.array(z.string()).optional(), similarity: z.number().min(0).max(1).optional() }).strict())
      .optional(),
  })
  .strict();

export const AssessmentSchema = z
  .object({
    id: z.string().optional(),
    score: z.number().int().min(0).max(100),
    level: z.enum(['none', 'low', 'elevated', 'high']),
    lang: z.enum([...LANGS, 'und']),
    langConfidence: z.number().min(0).max(1),
    flags: z.array(FlagSchema),
    mitigations: z.array(FlagSchema),
    contexts: z.array(FlagSchema),
    rulesVersion: z.string().min(1),
  })
  .strict();
