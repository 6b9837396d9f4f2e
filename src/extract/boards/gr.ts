/** Boards of one region, read by one content script (Greece: xe.gr, kariera.gr). */
import type { Board } from './board.js';
import { xe } from '../adapters/xe.js';
import { kariera } from '../adapters/kariera.js';

export const gr: Board = {
  name: 'gr',
  adapters: [xe, kariera],
  matches: [
    '*://*.xe.gr/*',
    '*://*.kariera.gr/*',
  ],
};
