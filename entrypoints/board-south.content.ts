/** The board content script of one region (src/extract/boards/south.ts): reads, scores and marks ads. */
import { south } from '../src/extract/boards/south';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...south.matches], runAt: 'document_idle', main: boardMain(south) });
