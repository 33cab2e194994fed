/**
 * <live-offer data-src="/products/{id}/live/">: brings a static product page up to date with
 * what the facility saved since the build (price, variants, stock, tiers, photos). The static
 * HTML is the first paint and the fallback; on load this fetches the on-demand fragment and
 * replaces only the `data-live-part` elements whose `data-version` differs, so an unchanged
 * product does not move. The fragment holds no script: custom elements in it (the buy box, the
 * quote form) upgrade when inserted, their scripts being on the page already.
 */
import { partsToSwap } from './live-parts';

const partOnPage = (name: string) => document.querySelector<HTMLElement>(`[data-live-part="${name}"]`);

/** The same field in the incoming part: a radio by name and value, anything else by id. */
function twinOf(field: HTMLInputElement, part: ParentNode): HTMLInputElement | null {
  if (field.type === 'radio')
    return part.querySelector(`input[name="${CSS.escape(field.name)}"][value="${CSS.escape(field.value)}"]`);
  return field.id ? part.querySelector(`#${CSS.escape(field.id)}`) : null;
}

/**
 * What the buyer already chose (a variant, a quantity) and where the focus was carry over to
 * the incoming part, so a swap right after load loses nothing.
 */
function carryOver(from: HTMLElement, to: HTMLElement): (() => void) | undefined {
  for (const field of from.querySelectorAll('input')) {
    const twin = twinOf(field, to);
    if (!twin || twin.disabled) continue;
    if (field.type === 'radio') {
      if (field.checked && !field.defaultChecked) twin.checked = true;
    } else if (field.value !== field.defaultValue) twin.value = field.value;
  }
  const active = document.activeElement;
  const twin = active instanceof HTMLInputElement && from.contains(active) ? twinOf(active, to) : null;
  return twin ? () => twin.focus() : undefined;
}

function swapIn(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const incoming = new Map<string, HTMLElement>();
  for (const part of template.content.querySelectorAll<HTMLElement>('[data-live-part]'))
    incoming.set(part.dataset.livePart ?? '', part);
  const changed = partsToSwap(
    (name) => partOnPage(name)?.dataset.version,
    [...incoming].map(([name, part]) => ({ name, version: part.dataset.version })),
  );
  for (const name of changed) {
    const current = partOnPage(name);
    const next = incoming.get(name)!;
    if (!current) continue;
    const refocus = carryOver(current, next);
    current.replaceWith(next);
    refocus?.();
  }
}

class LiveOffer extends HTMLElement {
  connectedCallback(): void {
    const src = this.dataset.src;
    if (!src) return;
    fetch(src, { headers: { accept: 'text/html' } })
      .then((response) => (response.ok ? response.text() : ''))
      .then(swapIn)
      // Offline or the server busy: the static page stands, and checkout prices on the server.
      .catch(() => undefined);
  }
}

customElements.define('live-offer', LiveOffer);
