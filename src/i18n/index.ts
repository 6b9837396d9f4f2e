/**
 * Interface and indicator texts in the eight languages (locales/<lang>.json). The interface follows
 * the browser's language unless the user chose one in the options; a text missing in a language
 * falls back to English (tests/locales.test.ts keeps every language complete).
 */
import bg from '../../locales/bg.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import el from '../../locales/el.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import it from '../../locales/it.json' with { type: 'json' };
import pl from '../../locales/pl.json' with { type: 'json' };
import sk from '../../locales/sk.json' with { type: 'json' };
import { LANGS, type Lang } from '../engine/types.js';

const TEXTS: Record<Lang, Record<string, string>> = { en, es, it, pl, sk, bg, el, de };

/** Each language's name in itself, for the language chooser. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English', es: 'Español', it: 'Italiano', pl: 'Polski', sk: 'Slovenčina', bg: 'Български', el: 'Ελληνικά', de: 'Deutsch',
};

/** The interface language: the user's choice, else the browser's if Telltale speaks it, else English. */
export function uiLanguage(choice: string | undefined, browserLanguages: readonly string[]): Lang {
  if (choice && (LANGS as readonly string[]).includes(choice)) return choice as Lang;
  for (const l of browserLanguages) {
    const base = l.toLowerCase().slice(0, 2);
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The text of `key` in `lang`, with {placeholders} filled in. */
export function translator(lang: Lang): Translate {
  return (key, params) => {
    const text = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** A country's name in a language ("PL" → "Polen" in German), "EU" as it is. */
export function regionNamer(lang: Lang): (code: string) => string {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([lang], { type: 'region' }) : undefined;
  return (code) => (code === 'EU' ? 'EU' : (names?.of(code) ?? code));
}

/** An indicator's title, why and advice in a language. */
export function indicatorText(t: Translate, rule: string): { title: string; why: string; advice: string } {
  return { title: t(`indicator.${rule}.title`), why: t(`indicator.${rule}.why`), advice: t(`indicator.${rule}.advice`) };
}
