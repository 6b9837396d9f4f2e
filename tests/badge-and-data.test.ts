/** The toolbar badge's level and discretion, and how long checked pages' results are kept. */
import { describe, expect, it } from 'vitest';
import { badgeFor, topLevel } from '../src/messages/badge.js';
import type { PageResults } from '../src/messages/handle.js';
import { keptResults, MAX_KEPT_PAGES } from '../src/storage/data.js';
import { DEFAULT_SETTINGS } from '../src/storage/settings.js';
import type { Assessment, Level } from '../src/engine/types.js';

const page = (url: string, levels: (Level | null)[]): PageResults => ({
  url, kind: levels.length > 1 ? 'listing' : 'detail', notes: {},
  ads: levels.map((level, i) => ({
    title: `ad ${i}`, category: level ? 'job' : 'non-job', extractor: 'test', kind: 'card',
    assessment: level ? ({ level, score: 10, flags: [], mitigations: [], contexts: [], lang: 'en', langConfidence: 1, rulesVersion: 't' } as Assessment) : null,
  })),
});

describe('badge', () => {
  it('shows the highest level of the page, from the chosen level on', () => {
    expect(topLevel(page('a', ['low', 'high', null, 'elevated']))).toBe('high');
    expect(badgeFor(page('a', ['low', 'high']), DEFAULT_SETTINGS)).toMatchObject({ text: '!!!', level: 'high' });
    expect(badgeFor(page('a', ['low']), { ...DEFAULT_SETTINGS, badgeFrom: 'elevated' }).text).toBe('');
    expect(badgeFor(page('a', ['high']), { ...DEFAULT_SETTINGS, badgeFrom: 'never' }).text).toBe('');
    expect(badgeFor(null, DEFAULT_SETTINGS)).toMatchObject({ text: '', level: undefined });
  });
  it('says nothing in discreet mode: no text, a neutral title', () => {
    expect(badgeFor(page('a', ['high']), { ...DEFAULT_SETTINGS, discreet: true })).toMatchObject({ text: '', level: undefined });
  });
});

describe('kept results', () => {
  const DAY = 24 * 3600 * 1000;
  it('keeps nothing for a session-only retention', () => {
    expect(keptResults({ x: { savedAt: 0, page: page('x', ['low']) } }, 0, 1000, page('y', ['low']))).toEqual({});
  });
  it('drops pages older than the retention, replaces a page seen again, and caps the count', () => {
    const now = 100 * DAY;
    let kept = keptResults({}, 7, now - 8 * DAY, page('old', ['low']));
    kept = keptResults(kept, 7, now - DAY, page('recent', ['high']));
    kept = keptResults(kept, 7, now, page('recent', ['low']));
    expect(Object.keys(kept)).toEqual(['recent']);
    expect(kept.recent!.savedAt).toBe(now);
    let many = {};
    for (let i = 0; i < MAX_KEPT_PAGES + 20; i++) many = keptResults(many, 30, now + i, page(`p${i}`, ['low']));
    expect(Object.keys(many)).toHaveLength(MAX_KEPT_PAGES);
    expect(Object.keys(many)[0]).toBe('p20');
  });
});
