/**
 * The header's instant search (WAI-ARIA 1.2 combobox with a listbox popup). Server-rendered
 * as the plain search input of the header's GET form, so searching works without JavaScript;
 * once hydrated it fetches /api/search as the person types (debounced, stale requests
 * aborted, answers cached) and offers the top products, the matching product groups and a
 * link to all results. Enter on a suggestion opens it; Enter otherwise submits the form.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { GROUP_NAMES, LEVEL_NAMES, type ProductGroup } from '../../catalogue/programme';
import { formatNumber, formatVnd } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locales';
import { searchStrings } from '../strings';
import type { SearchResult } from '../types';
import './search-box.css';

interface Props {
  locale: Locale;
  /** The id the header's <label for> points at. */
  inputId: string;
  placeholder: string;
}

interface Suggestion {
  href: string;
  label: string;
  detail?: string;
}

const MIN_CHARS = 2;
const DEBOUNCE_MS = 40;
const TOP_HITS = 5;
const TOP_GROUPS = 3;

function searchHref(locale: Locale, params: Record<string, string>): string {
  return `${localePath(locale, '/search/')}?${new URLSearchParams(params)}`;
}

function suggestionsOf(result: SearchResult, q: string, locale: Locale): Suggestion[] {
  const t = searchStrings(locale);
  const hits = result.hits.slice(0, TOP_HITS).map((hit) => ({
    href: localePath(locale, hit.url),
    label: hit.name,
    detail: [
      hit.facility,
      hit.province,
      LEVEL_NAMES[hit.level][locale],
      hit.price !== undefined ? t('priceFrom', { price: formatVnd(hit.price, locale) }) : t('notSoldOnline'),
    ].join(' · '),
  }));
  const groups = Object.entries(result.facets.group)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_GROUPS)
    .map(([group, count]) => ({
      href: searchHref(locale, { q, group }),
      label: t('inGroup', { group: GROUP_NAMES[group as ProductGroup][locale], count: formatNumber(count, locale) }),
    }));
  const all = { href: searchHref(locale, { q }), label: t('seeAll', { count: formatNumber(result.total, locale) }) };
  return result.total === 0 ? [] : [...hits, ...groups, all];
}

export default function SearchBox({ locale, inputId, placeholder }: Props) {
  const t = searchStrings(locale);
  const input = useRef<HTMLInputElement>(null);
  const cache = useRef(new Map<string, SearchResult>());
  const inflight = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [enhanced, setEnhanced] = useState(false);
  const [answer, setAnswer] = useState<{ q: string; result: SearchResult } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const listboxId = `${inputId}-listbox`;
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const suggestions = answer ? suggestionsOf(answer.result, answer.q, locale) : [];
  const expanded = open && suggestions.length > 0;

  function show(q: string, result: SearchResult): void {
    setAnswer({ q, result });
    setActive(-1);
    setOpen(true);
  }

  function lookUp(raw: string): void {
    clearTimeout(timer.current);
    inflight.current?.abort();
    const q = raw.trim();
    if (q.length < MIN_CHARS) {
      setAnswer(null);
      setOpen(false);
      return;
    }
    const cached = cache.current.get(q);
    if (cached) return show(q, cached);
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inflight.current = controller;
      fetch(`/api/search?${new URLSearchParams({ q, limit: String(TOP_HITS) })}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<SearchResult>) : Promise.reject(new Error(String(response.status)))))
        .then((result) => {
          cache.current.set(q, result);
          show(q, result);
        })
        // Aborted or failed: the form still submits to the results page.
        .catch(() => {});
    }, DEBOUNCE_MS);
  }

  useEffect(() => {
    setEnhanced(true);
    // Words typed before hydration are kept by the browser: look them up.
    if (input.current?.value) lookUp(input.current.value);
    return () => {
      clearTimeout(timer.current);
      inflight.current?.abort();
    };
  }, []);

  function go(i: number): void {
    const target = suggestions[i];
    if (target) window.location.assign(target.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const n = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (n === 0) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!expanded) {
          setOpen(true);
          setActive(down ? 0 : n - 1);
        } else {
          setActive((i) => (down ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
        }
        return;
      }
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault();
          go(active);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else if (input.current) {
          input.current.value = '';
          lookUp('');
        }
        return;
    }
  }

  const status = !answer ? '' : answer.result.total === 0 ? t('statusNone') : t('statusCount', { count: formatNumber(answer.result.total, locale), shown: suggestions.length });

  return (
    <div className="search-box">
      <input
        ref={input}
        id={inputId}
        type="search"
        name="q"
        placeholder={placeholder}
        autoComplete="off"
        {...(enhanced
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': expanded,
              'aria-controls': listboxId,
              'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
              onChange: (e) => lookUp(e.currentTarget.value),
              onKeyDown,
              onFocus: () => setOpen(true),
              onBlur: () => setOpen(false),
            }
          : {})}
      />
      {enhanced && (
        <>
          <ul id={listboxId} role="listbox" aria-label={t('suggestions')} className="search-box-list" hidden={!expanded}>
            {suggestions.map((s, i) => (
              <li
                key={s.href}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={s.detail ? 'search-box-option' : 'search-box-option search-box-more'}
                // Keep focus in the input so the list stays open through the click.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(i)}
              >
                <span className="search-box-label">{s.label}</span>
                {s.detail && <span className="search-box-detail">{s.detail}</span>}
              </li>
            ))}
          </ul>
          <div role="status" className="visually-hidden">
            {status}
          </div>
        </>
      )}
    </div>
  );
}
