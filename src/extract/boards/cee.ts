/** Boards of one region, read by one content script (Bulgaria, Slovakia, Czechia: jobs.bg, Profesia (sk, cz), Bazos (sk, cz, pl)). */
import type { Board } from './board.js';
import { jobsbg } from '../adapters/jobsbg.js';
import { profesia } from '../adapters/profesia.js';
import { bazos } from '../adapters/bazos.js';

export const cee: Board = {
  name: 'cee',
  adapters: [jobsbg, profesia, bazos],
  matches: [
    '*://*.jobs.bg/*',
    '*://*.profesia.sk/*',
    '*://*.profesia.cz/*',
    '*://*.bazos.sk/*',
    '*://*.bazos.cz/*',
    '*://*.bazos.pl/*',
  ],
};
