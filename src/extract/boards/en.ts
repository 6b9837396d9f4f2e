/** Boards of one region, read by one content script (English-language and international job boards: Indeed, every country; LinkedIn Jobs). */
import type { Board } from './board.js';
import { indeed } from '../adapters/indeed.js';
import { linkedin } from '../adapters/linkedin.js';

export const en: Board = {
  name: 'en',
  adapters: [indeed, linkedin],
  matches: [
    '*://*.indeed.com/*', '*://*.indeed.co.uk/*', '*://*.indeed.de/*', '*://*.indeed.at/*', '*://*.indeed.it/*', '*://*.indeed.es/*',
    '*://*.indeed.fr/*', '*://*.indeed.nl/*', '*://*.indeed.ie/*', '*://*.indeed.ch/*', '*://*.indeed.com.au/*', '*://*.indeed.ca/*',
    '*://*.linkedin.com/jobs/*', '*://*.linkedin.com/comm/jobs/*',
  ],
};
