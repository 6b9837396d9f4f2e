/** The board content script of one region (src/extract/boards/pl.ts): reads, scores and marks ads. */
import { pl } from '../src/extract/boards/pl';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...pl.matches], runAt: 'document_idle', main: boardMain(pl) });
