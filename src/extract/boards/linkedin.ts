/** Boards of one region, read by one content script (LinkedIn Jobs, every country; only its /jobs pages). */
import type { Board } from './board.js';
import { linkedin } from '../adapters/linkedin.js';

export const linkedinJobs: Board = {
  name: 'linkedin',
  adapters: [linkedin],
  matches: ['*://*.linkedin.com/jobs/*', '*://*.linkedin.com/comm/jobs/*'],
};
