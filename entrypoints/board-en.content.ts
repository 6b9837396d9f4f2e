/** The board content script of one region (src/extract/boards/en.ts): reads, scores and marks ads. */
import { en } from '../src/extract/boards/en';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...en.matches], runAt: 'document_idle', main: boardMain(en) });
