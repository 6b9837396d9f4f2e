/**
 * Invented ads for the index benchmarks: deterministic (seeded), made of made-up words, so that no
 * real ad or person is involved and the bench needs no data. Shaped like a board's stream:
 * - about 1.2 KB of text each, words drawn from a 3,000-word vocabulary;
 * - most ads have their own phone number; one in ten shares its number with 2-5 other ads under
 *   other names or in other cities (one organiser behind many ads);
 * - one in ten is a lightly edited copy of one of 200 templates (the same text posted again).
 */
import type { Ad } from '../src/engine/types.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'no', 'vi', 'sa', 'pe', 'du', 'ro', 'li', 'ma', 'ze', 'to', 'bi', 'ne', 'ko', 'ri', 'va'];
const NAMES = ['Ilka', 'Marol', 'Tesa', 'Dunio', 'Ravi', 'Kalina', 'Zeno', 'Bisa', 'Lomar', 'Nevi', 'Vitor', 'Sakra'];
const CITIES = ['Poznań', 'Łódź', 'Gdańsk', 'Kraków', 'Wrocław', 'Lublin', 'Szczecin', 'Katowice', 'Toruń', 'Opole'];

export interface SyntheticStream {
  ad(i: number): Ad;
}

export function syntheticAds(seed = 7): SyntheticStream {
  const rnd = mulberry32(seed);
  const word = () => {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    return w;
  };
  const vocabulary = Array.from({ length: 3_000 }, word);
  const sentence = (r: () => number) => {
    const n = 6 + Math.floor(r() * 10);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(vocabulary[Math.floor(r() * vocabulary.length)]!);
    return `${words.join(' ')}.`;
  };
  const body = (r: () => number) => {
    let t = '';
    while (t.length < 1_150) t += `${sentence(r)} `;
    return t.trim();
  };
  const templates = Array.from({ length: 200 }, () => body(rnd));
  const phone = (n: number) => `+48 6${String(n % 100).padStart(2, '0')} ${String(Math.floor(n / 100) % 1000).padStart(3, '0')} ${String(Math.floor(n / 100_000) % 1000).padStart(3, '0')}`;
  return {
    /** The i-th ad of the stream (the same for the same seed and i). */
    ad(i: number): Ad {
      const r = mulberry32(seed * 1_000_003 + i);
      const kind = r();
      let text: string;
      let number = 1_000_000 + i;
      if (kind < 0.1) {
        // Shares a number with a few ads around it: groups of up to five consecutive ids.
        number = 500_000 + Math.floor(i / 5);
        text = body(r);
      } else if (kind < 0.2) {
        const t = templates[Math.floor(r() * templates.length)]!;
        text = t.replace(/^(\S+ \S+)/, `$1 ${vocabulary[Math.floor(r() * vocabulary.length)]}`);
      } else {
        text = body(r);
      }
      return {
        id: String(i),
        url: `https://ads.example.test/ad/${i}`,
        title: sentence(r).slice(0, 60),
        poster: NAMES[Math.floor(r() * NAMES.length)]!,
        location: CITIES[Math.floor(r() * CITIES.length)]!,
        country: 'PL',
        text: `${text} Tel. ${phone(number)}`,
      };
    },
  };
}
