/** Boards of one region, read by one content script (Spain's classifieds: Milanuncios). */
import type { Board } from './board.js';
import { milanuncios } from '../adapters/milanuncios.js';

export const es: Board = {
  name: 'es',
  adapters: [milanuncios],
  matches: ['*://*.milanuncios.com/*'],
};
