/** The board content script of one region (src/extract/boards/de.ts): reads, scores and marks ads. */
import { de } from '../src/extract/boards/de';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...de.matches], runAt: 'document_idle', main: boardMain(de) });
