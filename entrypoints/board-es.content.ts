/** The board content script of one region (src/extract/boards/es.ts): reads, scores and marks ads. */
import { es } from '../src/extract/boards/es';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...es.matches], runAt: 'document_idle', main: boardMain(es) });
