/**
 * Every region's boards (for the tests and tools; a content script imports only its own region,
 * so that it does not carry the others' adapters).
 */
import type { Board } from './board.js';
import { at } from './at.js';
import { cee } from './cee.js';
import { de } from './de.js';
import { gr } from './gr.js';
import { linkedinJobs } from './linkedin.js';
import { pl } from './pl.js';
import { plJobs } from './pl-jobs.js';
import { south } from './south.js';
import { classifiedsEn } from './classifieds-en.js';
import { en } from './en.js';
import { es } from './es.js';

export const BOARDS: readonly Board[] = [pl, plJobs, cee, gr, south, es, at, de, en, linkedinJobs, classifiedsEn];
