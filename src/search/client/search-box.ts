/**
 * <search-box>: upgrades the header's plain search input (../components/SearchBox.astro) into
 * a WAI-ARIA 1.2 combobox with a listbox popup. As the person types it fetches /api/search
 * (throttled, stale requests aborted, answers cached) and offers the top products, the
 * matching product groups and a link to all results. Focus stays in the input; the active
 * option is announced through aria-activedescendant. Enter on a suggestion opens it; Enter
 * otherwise submits the header's GET form, which is also all there is without JavaScript.
 */

import type { SearchResult } from '~/search/types';
import { h } from '~/ui/client/dom';
import {
  delayBeforeRequest,
  type NavigationKey,
  nextActive,
  type SearchBoxText,
  type Suggestion,
  searchRequest,
  statusText,
  suggestionsOf,
} from './suggestions';

function optionOf(event: Event): HTMLElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
}

class SearchBox extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #text!: SearchBoxText;
  #cache = new Map<string, SearchResult>();
  #inflight: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSentAt: number | undefined;
  /** Removes every listener when the element leaves the page. */
  #listeners: AbortController | null = null;
  #suggestions: Suggestion[] = [];
  #open = false;
  #active = -1;

  connectedCallback(): void {
    const input = this.querySelector('input');
    const list = this.querySelector<HTMLElement>('[role="listbox"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!input || !list || !status || !this.dataset.text) return;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    this.#text = JSON.parse(this.dataset.text) as SearchBoxText;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    this.#listeners = new AbortController();
    const signal = this.#listeners.signal;
    input.addEventListener('input', () => this.#lookUp(input.value), { signal });
    input.addEventListener('keydown', (event) => this.#onKeyDown(event), { signal });
    input.addEventListener('focus', () => this.#setOpen(true), { signal });
    // Leaving the input (Tab, a click elsewhere on the page) closes the popup.
    input.addEventListener('blur', () => this.#setOpen(false), { signal });
    // Keep focus in the input through a click on an option, so the popup stays open until it opens the link.
    list.addEventListener(
      'mousedown',
      (event) => {
        if (optionOf(event)) event.preventDefault();
      },
      { signal },
    );
    list.addEventListener(
      'click',
      (event) => {
        const option = optionOf(event);
        if (option) this.#go(Number(option.dataset.index));
      },
      { signal },
    );
    this.#render();
    // Words typed before the script ran are kept by the browser: look them up.
    if (input.value) this.#lookUp(input.value);
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
    this.#inflight?.abort();
    this.#listeners?.abort();
  }

  get #expanded(): boolean {
    return this.#open && this.#suggestions.length > 0;
  }

  #lookUp(raw: string): void {
    clearTimeout(this.#timer);
    this.#inflight?.abort();
    const request = searchRequest(raw);
    if (!request) {
      this.#show(null, '');
      return;
    }
    const cached = this.#cache.get(request.q);
    if (cached) {
      this.#show(cached, request.q);
      return;
    }
    this.#timer = setTimeout(
      () => {
        const controller = new AbortController();
        this.#inflight = controller;
        this.#lastSentAt = performance.now();
        fetch(request.url, { signal: controller.signal })
          .then((response) =>
            response.ok
              ? (response.json() as Promise<SearchResult>)
              : Promise.reject(new Error(String(response.status))),
          )
          .then((result) => {
            this.#cache.set(request.q, result);
            this.#show(result, request.q);
          })
          // Aborted or failed: the form still submits to the results page.
          .catch(() => {});
      },
      delayBeforeRequest(performance.now(), this.#lastSentAt),
    );
  }

  /** Shows an answer (null: nothing to suggest) with no active option. */
  #show(result: SearchResult | null, q: string): void {
    const suggestions = result ? suggestionsOf(result, q, this.#text) : [];
    this.#suggestions = suggestions;
    this.#active = -1;
    this.#open = result !== null;
    // Touch the options only when they change: fewer mutations, and screen readers are not disturbed.
    if (suggestions.length > 0 || this.#list.childElementCount > 0) {
      this.#list.replaceChildren(
        ...suggestions.map((s, i) =>
          h(
            'li',
            {
              id: this.#optionId(i),
              role: 'option',
              'aria-selected': 'false',
              'data-index': i,
              class: s.detail ? 'search-box-option' : 'search-box-option search-box-more',
            },
            h('span', { class: 'search-box-label' }, s.label),
            s.detail ? h('span', { class: 'search-box-detail' }, s.detail) : null,
          ),
        ),
      );
    }
    const status = statusText(result, suggestions.length, this.#text);
    // Rewriting the same words would make some screen readers say them again.
    if (this.#status.textContent !== status) this.#status.textContent = status;
    this.#render();
  }

  #optionId(i: number): string {
    return `${this.#input.id}-option-${i}`;
  }

  #setOpen(open: boolean): void {
    this.#open = open;
    if (!open) this.#active = -1;
    this.#render();
  }

  /** Reflects open/active state on the input, the popup and its options. */
  #render(): void {
    const expanded = this.#expanded;
    this.#input.setAttribute('aria-expanded', String(expanded));
    this.#list.hidden = !expanded;
    if (expanded && this.#active >= 0)
      this.#input.setAttribute('aria-activedescendant', this.#optionId(this.#active));
    else this.#input.removeAttribute('aria-activedescendant');
    for (const [i, option] of [...this.#list.children].entries()) {
      const selected = expanded && i === this.#active;
      option.setAttribute('aria-selected', String(selected));
      if (selected) option.scrollIntoView({ block: 'nearest' });
    }
  }

  #go(i: number): void {
    const target = this.#suggestions[i];
    if (target) window.location.assign(target.href);
  }

  /** Moves the active option for an arrow, Home or End key. */
  #move(event: KeyboardEvent, expanded: boolean): void {
    if (this.#suggestions.length === 0) return;
    event.preventDefault();
    this.#active = nextActive(event.key as NavigationKey, this.#active, this.#suggestions.length, expanded);
    this.#open = true;
    this.#render();
  }

  #onKeyDown(event: KeyboardEvent): void {
    const expanded = this.#expanded;
    switch (event.key) {
      case 'Home':
      case 'End':
        // While choosing an option they jump to the first or last; otherwise they move the caret.
        if (expanded && this.#active >= 0) this.#move(event, expanded);
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        this.#move(event, expanded);
        return;
      case 'Enter':
        if (expanded && this.#active >= 0) {
          event.preventDefault();
          this.#go(this.#active);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) this.#setOpen(false);
        else {
          this.#input.value = '';
          this.#lookUp('');
        }
        return;
    }
  }
}

customElements.define('search-box', SearchBox);
