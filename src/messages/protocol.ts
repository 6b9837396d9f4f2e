/**
 * Messages between extension contexts, validated with zod on receipt: the background never trusts
 * what a page or a popup sends it.
 */
import { z } from 'zod';

export const AssessRequest = z
  .object({
    type: z.literal('assess'),
    ad: z
      .object({
        id: z.string().max(200).optional(),
        title: z.string().max(5_000).optional(),
        text: z.string().max(1_000_000),
        url: z.string().max(4_000).optional(),
        lang: z.string().max(20).optional(),
        country: z.string().max(2).optional(),
      })
      .strict(),
  })
  .strict();
export type AssessRequest = z.infer<typeof AssessRequest>;

export const Request = z.discriminatedUnion('type', [AssessRequest]);
export type Request = z.infer<typeof Request>;
