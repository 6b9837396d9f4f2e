/** Boards of one region, read by one content script (Germany (and StepStone's other countries): StepStone, Kleinanzeigen). */
import type { Board } from './board.js';
import { stepstone } from '../adapters/stepstone.js';
import { kleinanzeigen } from '../adapters/kleinanzeigen.js';

export const de: Board = {
  name: 'de',
  adapters: [stepstone, kleinanzeigen],
  matches: [
    '*://*.stepstone.de/*',
    '*://*.stepstone.at/*',
    '*://*.stepstone.be/*',
    '*://*.stepstone.nl/*',
    '*://*.kleinanzeigen.de/*',
    '*://*.ebay-kleinanzeigen.de/*',
  ],
};
