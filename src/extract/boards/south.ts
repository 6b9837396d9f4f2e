/** Boards of one region, read by one content script (Italy and Spain: Subito, InfoJobs (es, it)). */
import type { Board } from './board.js';
import { subito } from '../adapters/subito.js';
import { infojobs } from '../adapters/infojobs.js';

export const south: Board = {
  name: 'south',
  adapters: [subito, infojobs],
  matches: [
    '*://*.subito.it/*',
    '*://*.infojobs.net/*',
    '*://*.infojobs.it/*',
  ],
};
