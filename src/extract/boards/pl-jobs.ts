/** Boards of one region, read by one content script (Poland's job boards: Pracuj.pl). */
import type { Board } from './board.js';
import { pracuj } from '../adapters/pracuj.js';

export const plJobs: Board = {
  name: 'pl-jobs',
  adapters: [pracuj],
  matches: ['*://*.pracuj.pl/*'],
};
