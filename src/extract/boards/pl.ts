/** Boards of one region, read by one content script (Poland: OLX (one platform with olx.bg, .ro, .pt, .ua), Pracuj.pl, Sprzedajemy.pl). */
import type { Board } from './board.js';
import { olx } from '../adapters/olx.js';
import { pracuj } from '../adapters/pracuj.js';
import { sprzedajemy } from '../adapters/sprzedajemy.js';

export const pl: Board = {
  name: 'pl',
  adapters: [olx, pracuj, sprzedajemy],
  matches: [
    '*://*.olx.pl/*',
    '*://*.olx.bg/*',
    '*://*.olx.ro/*',
    '*://*.olx.pt/*',
    '*://*.olx.ua/*',
    '*://*.pracuj.pl/*',
    '*://*.sprzedajemy.pl/*',
  ],
};
