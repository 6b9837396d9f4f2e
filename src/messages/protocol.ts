/**
 * Messages between extension contexts, validated with zod on receipt: the background never trusts
 * what a page or a popup sends it. Sizes are bounded so that a hostile page cannot make the
 * background hold or score megabytes.
 */
import { z } from 'zod';

const Pay = z.union([
  z.string().max(500),
  z.object({ min: z.number().finite().optional(), max: z.number().finite().optional(), currency: z.string().max(10).optional(), period: z.string().max(20).optional(), basis: z.string().max(20).optional() }).strict(),
]);

export const AdInput = z
  .object({
    id: z.string().max(200).optional(),
    title: z.string().max(5_000).optional(),
    text: z.string().max(1_000_000),
    url: z.string().max(4_000).optional(),
    lang: z.string().max(20).optional(),
    country: z.string().max(2).optional(),
    employer: z.string().max(500).optional(),
    /** The name the ad is posted under, where the board shows one apart from the employer. */
    poster: z.string().max(500).optional(),
    location: z.string().max(500).optional(),
    pay: Pay.optional(),
    contacts: z.array(z.string().max(300)).max(20).optional(),
    date: z.string().max(40).optional(),
  })
  .strict();
export type AdInput = z.infer<typeof AdInput>;

export const AssessRequest = z.object({ type: z.literal('assess'), ad: AdInput }).strict();
export type AssessRequest = z.infer<typeof AssessRequest>;

/** A content script's ads of one page (a detail page's ad, or a listing's new cards). */
export const AssessBatchRequest = z
  .object({
    type: z.literal('assess-batch'),
    page: z
      .object({
        url: z.string().max(4_000),
        kind: z.enum(['detail', 'listing', 'other']),
        title: z.string().max(500).optional(),
        /** The page has the board's own "report" control (src/page/report.ts). */
        report: z.boolean().optional(),
      })
      .strict(),
    /** Cards of earlier batches of the same page are kept: a page grows by infinite scroll. */
    append: z.boolean().default(false),
    ads: z.array(AdInput.extend({ category: z.enum(['job', 'non-job', 'unknown']), extractor: z.string().max(60), kind: z.enum(['detail', 'card']) })).max(300),
  })
  .strict();
export type AssessBatchRequest = z.infer<typeof AssessBatchRequest>;

/** The popup asks what the current tab's page showed. */
export const TabResultsRequest = z.object({ type: z.literal('tab-results'), tabId: z.number().int().nonnegative() }).strict();

/** The side panel asks for the results of every tab of its window (answered by the background). */
export const WindowResultsRequest = z.object({ type: z.literal('window-results'), windowId: z.number().int().nonnegative() }).strict();

export const Request = z.discriminatedUnion('type', [AssessRequest, AssessBatchRequest, TabResultsRequest]);
export type Request = z.infer<typeof Request>;

/**
 * The options page hands the background a custom rule pack (parsed from the user's JSON or YAML
 * file) or null for the built-in rules. The pack itself is validated by the engine (zod, with every
 * problem listed); here only its size is bounded.
 */
export const PackRequest = z
  .object({
    type: z.literal('set-pack'),
    pack: z.unknown().refine((p) => p === null || (typeof p === 'object' && JSON.stringify(p).length <= 5_000_000), 'a rule pack is a JSON object of at most 5 MB'),
  })
  .strict();
