/** Boards of one region, read by one content script (Indeed, every country). */
import type { Board } from './board.js';
import { indeed } from '../adapters/indeed.js';

export const en: Board = {
  name: 'en',
  adapters: [indeed],
  matches: [
    '*://*.indeed.com/*', '*://*.indeed.co.uk/*', '*://*.indeed.de/*', '*://*.indeed.at/*', '*://*.indeed.it/*', '*://*.indeed.es/*',
    '*://*.indeed.fr/*', '*://*.indeed.nl/*', '*://*.indeed.ie/*', '*://*.indeed.ch/*', '*://*.indeed.com.au/*', '*://*.indeed.ca/*',
  ],
};
