/** Boards of one region, read by one content script (Poland's classifieds: OLX, one platform with olx.bg, .ro, .pt, .ua; Sprzedajemy.pl). */
import type { Board } from './board.js';
import { olx } from '../adapters/olx.js';
import { sprzedajemy } from '../adapters/sprzedajemy.js';

export const pl: Board = {
  name: 'pl',
  adapters: [olx, sprzedajemy],
  matches: ['*://*.olx.pl/*', '*://*.olx.bg/*', '*://*.olx.ro/*', '*://*.olx.pt/*', '*://*.olx.ua/*', '*://*.sprzedajemy.pl/*'],
};
