/** The board content script of one region (src/extract/boards/linkedin.ts): reads, scores and marks ads. */
import { linkedinJobs } from '../src/extract/boards/linkedin';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...linkedinJobs.matches], runAt: 'document_idle', main: boardMain(linkedinJobs) });
