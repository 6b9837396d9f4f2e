/** The board content script of one region (src/extract/boards/classifieds-en.ts): reads, scores and marks ads. */
import { classifiedsEn } from '../src/extract/boards/classifieds-en';
import { boardMain } from '../src/page/run';

export default defineContentScript({ matches: [...classifiedsEn.matches], runAt: 'document_idle', main: boardMain(classifiedsEn) });
