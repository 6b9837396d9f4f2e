/**
 * Commands the background sends to the script it injects into a page on demand (entrypoints/inspect.ts),
 * validated there like every message.
 */
import { z } from 'zod';
import { AssessmentSchema } from '../engine/assessment-schema.js';

const Note = z.object({ title: z.string(), why: z.string(), advice: z.string() }).strict();
const Labels = z
  .object({
    levels: z.object({ none: z.string(), low: z.string(), elevated: z.string(), high: z.string() }).strict(),
    signsFound: z.string(), noSign: z.string(), footer: z.string(), flag: z.string(), mitigation: z.string(), score: z.string(), related: z.string(),
  })
  .strict();

export const InspectCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('telltale-scan-page') }).strict(),
  z.object({ type: z.literal('telltale-show-check'), assessment: AssessmentSchema, notes: z.record(z.string(), Note), labels: Labels }).strict(),
]);
export type InspectCommand = z.infer<typeof InspectCommand>;
