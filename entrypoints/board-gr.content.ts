/** The board content script of one region (src/extract/boards/gr.ts): reads, scores and marks ads. */
import { gr } from '../src/extract/boards/gr';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...gr.matches], runAt: 'document_idle', main: boardMain(gr) });
