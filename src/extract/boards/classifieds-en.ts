/** Boards of one region, read by one content script (English-language classifieds: Gumtree UK, Craigslist). */
import type { Board } from './board.js';
import { craigslist } from '../adapters/craigslist.js';
import { gumtree } from '../adapters/gumtree.js';

export const classifiedsEn: Board = {
  name: 'classifieds-en',
  adapters: [gumtree, craigslist],
  matches: ['*://*.gumtree.com/*', '*://*.craigslist.org/*', '*://*.craigslist.ca/*', '*://*.craigslist.co.uk/*', '*://*.craigslist.com.au/*'],
};
