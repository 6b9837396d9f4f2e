/** The board content script of one region (src/extract/boards/at.ts): reads, scores and marks ads. */
import { at } from '../src/extract/boards/at';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...at.matches], runAt: 'document_idle', main: boardMain(at) });
