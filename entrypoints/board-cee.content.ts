/** The board content script of one region (src/extract/boards/cee.ts): reads, scores and marks ads. */
import { cee } from '../src/extract/boards/cee';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...cee.matches], runAt: 'document_idle', main: boardMain(cee) });
