/**
 * The regional board content scripts (src/extract/boards/): together they carry every adapter
 * exactly once, each region's match patterns cover its adapters' example URLs, and no region runs
 * on sites without an adapter.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, EXAMPLES } from '../../src/extract/adapters/index.js';
import { BOARDS } from '../../src/extract/boards/index.js';

describe('board regions', () => {
  it('carry every adapter exactly once', () => {
    const carried = BOARDS.flatMap((b) => b.adapters.map((a) => a.id)).sort();
    expect(carried).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  for (const board of BOARDS) {
    const patterns = board.matches.map((p) => new MatchPattern(p));
    const covered = (url: string) => patterns.some((p) => p.includes(url));
    it(`${board.name}: its match patterns cover its adapters' example URLs`, () => {
      for (const a of board.adapters) for (const url of [...EXAMPLES[a.id]!.detail, ...EXAMPLES[a.id]!.listing]) expect(covered(url), url).toBe(true);
    });
    it(`${board.name}: no pattern runs on sites without an adapter`, () => {
      for (const url of ['https://www.facebook.com/groups/praca', 'https://www.linkedin.com/feed/', 'https://example.com/jobs', 'https://www.google.com/search?q=praca']) {
        expect(covered(url), url).toBe(false);
      }
    });
  }
});
