/** Boards of one region, read by one content script (Italy and Spain: Subito, InfoJobs (es, it), Milanuncios). */
import type { Board } from './board.js';
import { subito } from '../adapters/subito.js';
import { infojobs } from '../adapters/infojobs.js';
import { milanuncios } from '../adapters/milanuncios.js';

export const south: Board = {
  name: 'south',
  adapters: [subito, infojobs, milanuncios],
  matches: [
    '*://*.subito.it/*',
    '*://*.infojobs.net/*',
    '*://*.infojobs.it/*',
    '*://*.milanuncios.com/*',
  ],
};
