/**
 * The side panel: the review queue of a window's tabs for moderators doing spot checks. A listbox
 * (one tab stop; the active ad is announced through aria-activedescendant and kept in view) that
 * the keyboard drives (keys.ts), filters by level, sign and review state, actions on the selected
 * ad, and export of the list as shown. The browser APIs come in through `api`.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Level } from '../../engine/types';
import { translator, uiLanguage } from '../../i18n/index';
import type { TabPage } from '../../messages/handle';
import type { Settings } from '../../storage/settings';
import { REVIEW_STATES, reviewState, withReview, type ReviewState, type ReviewStates } from '../../storage/reviews';
import { buildQueue, filterQueue, indicatorsIn, LEVELS, NO_FILTER, type QueueFilter, type QueueItem } from '../../review/queue';
import { toCsv, toJsonl } from '../../review/export';
import { LEVEL_MARK } from '../popup/AdReport';
import { keyAction, moved } from './keys';

export interface SidePanelApi {
  /** The results of every tab of the panel's window. */
  windowResults(): Promise<TabPage[]>;
  reviews(): Promise<ReviewStates>;
  setReview(key: string, state: ReviewState): Promise<void>;
  /** Switches to the ad's tab (and on a listing, to its card). */
  open(item: QueueItem): Promise<void>;
  settings(): Promise<Settings>;
  browserLanguages: readonly string[];
  /** Calls `listener` when results, review states or settings change; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Saves a file through the browser's downloads (an <a download> of a blob). */
  download(name: string, type: string, text: string): void;
}

export function ReviewQueue({ api }: { api: SidePanelApi }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [tabs, setTabs] = useState<TabPage[]>([]);
  const [reviews, setReviews] = useState<ReviewStates>({});
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [active, setActive] = useState<{ key?: string; index: number }>({ index: 0 });
  const [said, setSaid] = useState('');
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const refresh = () => {
      void api.settings().then(setSettings);
      void api.windowResults().then(setTabs, () => setTabs([]));
      void api.reviews().then(setReviews);
    };
    refresh();
    return api.onChange(refresh);
  }, []);

  const lang = uiLanguage(settings?.language, api.browserLanguages);
  const t = useMemo(() => translator(lang), [lang]);
  const queue = useMemo(() => buildQueue(tabs), [tabs]);
  const shown = useMemo(() => filterQueue(queue, filter, reviews), [queue, filter, reviews]);
  const titles = useMemo(() => {
    const notes = Object.assign({}, ...tabs.map((tp) => tp.page.notes)) as Record<string, { title: string } | undefined>;
    return (rule: string) => notes[rule]?.title ?? t(`indicator.${rule}.title`);
  }, [tabs, t]);
  // The active ad by its key; when it left the list (filtered out, its tab closed), the one now at its place.
  const found = active.key === undefined ? -1 : shown.findIndex((i) => i.key === active.key);
  const index = shown.length === 0 ? -1 : found >= 0 ? found : Math.min(active.index, shown.length - 1);
  const current = index >= 0 ? shown[index] : undefined;

  useEffect(() => {
    if (current) document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
  }, [index, current?.key]);

  if (!settings) return <main aria-busy="true" />;

  const select = (i: number) => setActive({ key: shown[i]?.key, index: i });
  const setState = async (item: QueueItem, state: ReviewState) => {
    // The next ad becomes the active one: a moderator marks and moves on.
    const at = shown.indexOf(item);
    const next = shown[at + 1] ?? item;
    setActive({ key: next.key, index: at + 1 });
    setReviews(withReview(reviews, item.key, state, Date.now()));
    setSaid(t('ui.queue.marked', { title: item.title, state: t(`ui.queue.state.${state}`) }));
    await api.setReview(item.key, state);
  };
  const onKey = (e: KeyboardEvent) => {
    const action = keyAction(e);
    if (!action) return;
    e.preventDefault();
    if ('move' in action) select(moved(index, action.move, shown.length));
    else if (current && 'open' in action) void api.open(current);
    else if (current && 'state' in action) void setState(current, action.state);
  };
  const exportAs = (format: 'csv' | 'jsonl') => {
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'csv') api.download(`telltale-queue-${day}.csv`, 'text/csv;charset=utf-8', toCsv(shown, reviews));
    else api.download(`telltale-queue-${day}.jsonl`, 'application/x-ndjson;charset=utf-8', toJsonl(shown, reviews));
  };
  const toggleLevel = (level: Level, on: boolean) =>
    setFilter({ ...filter, levels: LEVELS.filter((l) => (l === level ? on : filter.levels.includes(l))) });

  return (
    <main lang={lang} class="queue">
      <h1 id="queue-h">{t('ui.queue.title')}</h1>
      <p class="tagline">{t('ui.queue.intro')}</p>

      <div class="filters">
        <fieldset>
          <legend>{t('ui.queue.levels')}</legend>
          {LEVELS.map((level) => (
            <label key={level} class="check">
              <input type="checkbox" name="level" value={level} checked={filter.levels.includes(level)} onChange={(e) => toggleLevel(level, (e.target as HTMLInputElement).checked)} />{' '}
              <span aria-hidden="true">{LEVEL_MARK[level]} </span>
              {t(`level.${level}`)}
            </label>
          ))}
        </fieldset>
        <label for="queue-indicator">{t('ui.queue.indicator')}</label>
        <select id="queue-indicator" value={filter.indicator} onChange={(e) => setFilter({ ...filter, indicator: (e.target as HTMLSelectElement).value })}>
          <option value="">{t('ui.queue.any')}</option>
          {indicatorsIn(queue).map((rule) => (
            <option key={rule} value={rule}>
              {titles(rule)}
            </option>
          ))}
        </select>
        <label for="queue-state">{t('ui.queue.state')}</label>
        <select id="queue-state" value={filter.state} onChange={(e) => setFilter({ ...filter, state: (e.target as HTMLSelectElement).value as QueueFilter['state'] })}>
          <option value="all">{t('ui.queue.any')}</option>
          {REVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`ui.queue.state.${s}`)}
            </option>
          ))}
        </select>
      </div>

      <p id="queue-count" class="meta">{t('ui.queue.count', { shown: shown.length, total: queue.length })}</p>
      <p id="queue-keys" class="note">{t('ui.queue.keys')}</p>
      {queue.length === 0 ? (
        <p class="empty">{t('ui.queue.empty')}</p>
      ) : (
        <ul
          ref={list}
          class="queue-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('ui.queue.list')}
          aria-describedby="queue-count queue-keys"
          {...(current ? { 'aria-activedescendant': optionId(index) } : {})}
          onKeyDown={onKey}
        >
          {shown.map((item, i) => {
            const state = reviewState(reviews, item.key);
            return (
              <li
                key={item.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                class={`ad state-${state}`}
                data-key={item.key}
                onClick={() => {
                  select(i);
                  list.current?.focus();
                }}
                onDblClick={() => void api.open(item)}
              >
                <span class={`level level-${item.level}`}>
                  <span aria-hidden="true">{LEVEL_MARK[item.level]} </span>
                  {t(`level.${item.level}`)} <span class="score">({t('ui.score', { score: item.score })})</span>
                </span>
                <span class="ad-title">{item.title}</span>
                <span class="signs">{item.rules.length ? [...new Set(item.rules)].map(titles).join(' · ') : t('ui.queue.noSign')}</span>
                <span class="review">{t(`ui.queue.state.${state}`)}</span>
              </li>
            );
          })}
        </ul>
      )}

      {current && (
        <div class="actions" role="group" aria-label={t('ui.queue.current')}>
          <button type="button" onClick={() => void api.open(current)}>
            {t('ui.queue.open')}
          </button>
          {REVIEW_STATES.map((s) => (
            <button key={s} type="button" aria-pressed={reviewState(reviews, current.key) === s} onClick={() => void setState(current, s)}>
              {t(`ui.queue.state.${s}`)}
            </button>
          ))}
        </div>
      )}
      {current && current.related.length > 0 && (
        // The other ads of the selected ad's cross-ad signs: links outside the list (an option of a
        // listbox cannot hold links).
        <div class="related">
          <span class="label">{t('ui.related.heading')}:</span>
          <ul>
            {current.related.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" class="visually-hidden">
        {said}
      </p>

      <div class="export" role="group" aria-labelledby="queue-export-h">
        <h2 id="queue-export-h">{t('ui.queue.export')}</h2>
        <div class="row">
          <button type="button" id="export-csv" disabled={shown.length === 0} onClick={() => exportAs('csv')}>
            {t('ui.queue.csv')}
          </button>
          <button type="button" id="export-jsonl" disabled={shown.length === 0} onClick={() => exportAs('jsonl')}>
            {t('ui.queue.jsonl')}
          </button>
        </div>
      </div>
      <p class="note">{t('ui.queue.private')}</p>
    </main>
  );
}

const optionId = (i: number) => `queue-ad-${i}`;
