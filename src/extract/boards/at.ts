/** Boards of one region, read by one content script (Austria: karriere.at, willhaben). */
import type { Board } from './board.js';
import { karriere } from '../adapters/karriere.js';
import { willhaben } from '../adapters/willhaben.js';

export const at: Board = {
  name: 'at',
  adapters: [karriere, willhaben],
  matches: [
    '*://*.karriere.at/*',
    '*://*.willhaben.at/*',
  ],
};
