/** Words for levels (English; the eight languages come with the full popup). */
import type { Level } from '../engine/types';

export const LEVEL_WORDS: Record<Level, string> = {
  none: 'No warning signs found',
  low: 'Few warning signs',
  elevated: 'Several warning signs: check before you answer',
  high: 'Many warning signs: be careful',
};
