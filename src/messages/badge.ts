/**
 * The toolbar badge of a tab: the level of its ad, or the highest on a listing page, as colour and
 * a short text, from the level the user chose; in discreet mode no text and a neutral title.
 */
import { LEVEL_RANK as RANK, type Level } from '../engine/types.js';
import type { PageResults } from './handle.js';
import type { Settings } from '../storage/settings.js';

const TEXT: Record<Level, string> = { none: '', low: '!', elevated: '!!', high: '!!!' };
const COLOUR: Record<Level, string> = { none: '#1e5b2f', low: '#6b5200', elevated: '#a04000', high: '#a00f0f' };

export interface Badge {
  text: string;
  colour: string;
  /** The level in words for the icon's title ("Telltale: Many warning signs"), neutral when discreet. */
  level: Level | undefined;
}

/** The highest level among a page's scored ads, if any was scored. */
export function topLevel(page: PageResults | undefined | null): Level | undefined {
  let top: Level | undefined;
  for (const ad of page?.ads ?? []) {
    const l = ad.assessment?.level;
    if (l && (top === undefined || RANK[l] > RANK[top])) top = l;
  }
  return top;
}

export function badgeFor(page: PageResults | undefined | null, settings: Settings): Badge {
  const level = topLevel(page);
  const shown = level !== undefined && settings.badgeFrom !== 'never' && RANK[level] >= RANK[settings.badgeFrom];
  return {
    text: shown && !settings.discreet ? TEXT[level] : '',
    colour: level ? COLOUR[level] : COLOUR.none,
    level: settings.discreet ? undefined : level,
  };
}
