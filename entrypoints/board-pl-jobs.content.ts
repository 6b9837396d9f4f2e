/** The board content script of one region (src/extract/boards/pl-jobs.ts): reads, scores and marks ads. */
import { plJobs } from '../src/extract/boards/pl-jobs';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...plJobs.matches], runAt: 'document_idle', main: boardMain(plJobs) });
