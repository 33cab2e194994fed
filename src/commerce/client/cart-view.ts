/**
 * <cart-view>: the cart page. Lines grouped by facility (each facility ships separately),
 * quantities within each line's limit, VND totals with the shipping rule, and a refresh of
 * prices and availability from GET /api/products/{id}/ when the page opens.
 */

import { type ShippingRule, shippingFee, unitPriceFor } from '~/commerce/cart/pricing';
import { formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { fill, h } from '~/ui/client/dom';
import { type CartLine, onCartChange, readCart, writeCart } from './cart-store';

type Labels = Record<
  | 'cartEmpty'
  | 'browseProducts'
  | 'shipmentFrom'
  | 'remove'
  | 'removeItem'
  | 'quantityOf'
  | 'subtotal'
  | 'shipping'
  | 'shippingFree'
  | 'total'
  | 'lineUnavailable'
  | 'lineNotSellable'
  | 'quantityReduced'
  | 'cartUpdated',
  string
>;

interface ProductVariant {
  sku: string;
  price: number;
  wholesaleTiers: CartLine['wholesaleTiers'];
  maxQuantity: number;
}

class CartView extends HTMLElement {
  private labels!: Labels;
  private locale!: Locale;
  private rule!: ShippingRule;

  connectedCallback(): void {
    this.labels = JSON.parse(this.dataset.labels ?? '{}') as Labels;
    this.locale = this.dataset.locale === 'en' ? 'en' : 'vi';
    this.rule = JSON.parse(this.dataset.shipping ?? '{"flatFee":0,"freeFrom":0}') as ShippingRule;
    this.render();
    onCartChange(() => this.render());
    void this.refresh();
  }

  private vnd(amount: number): string {
    return formatVnd(amount, this.locale);
  }

  /** Brings prices, tiers and limits up to date; lines that changed get a note. */
  private async refresh(): Promise<void> {
    const lines = readCart();
    const products = [...new Set(lines.map((l) => l.productId))];
    const variants = new Map<string, ProductVariant>();
    const notSellable = new Set<string>();
    await Promise.all(
      products.map(async (id) => {
        try {
          const res = await fetch(`/api/products/${encodeURIComponent(id)}/`, {
            headers: { accept: 'application/json' },
          });
          if (res.status === 404) return;
          if (!res.ok) throw new Error(String(res.status));
          const product = (await res.json()) as {
            sellable?: boolean;
            listing: { variants: ProductVariant[] } | null;
          };
          if (product.sellable === false) notSellable.add(id);
          for (const v of product.listing?.variants ?? []) variants.set(v.sku, v);
        } catch {
          // Offline or server busy: keep the last known values; checkout prices again anyway.
          for (const l of lines)
            if (l.productId === id)
              variants.set(l.sku, {
                sku: l.sku,
                price: l.price,
                wholesaleTiers: l.wholesaleTiers,
                maxQuantity: l.maxQuantity,
              });
        }
      }),
    );
    let changed = false;
    for (const line of lines) {
      const v = variants.get(line.sku);
      const max = v?.maxQuantity ?? 0;
      const note = notSellable.has(line.productId)
        ? 'not_sellable'
        : max === 0
          ? 'unavailable'
          : line.quantity > max
            ? 'reduced'
            : undefined;
      if (
        v &&
        (v.price !== line.price || JSON.stringify(v.wholesaleTiers) !== JSON.stringify(line.wholesaleTiers))
      )
        changed = true;
      if (note || max !== line.maxQuantity) changed = true;
      Object.assign(line, {
        price: v?.price ?? line.price,
        wholesaleTiers: v?.wholesaleTiers ?? line.wholesaleTiers,
        maxQuantity: max,
        note,
      });
      if (note === 'reduced') line.quantity = max;
    }
    writeCart(lines);
    if (changed) this.announce(this.labels.cartUpdated);
  }

  private announce(text: string): void {
    const status = this.querySelector<HTMLElement>('[data-cart-status]');
    if (status) status.textContent = text;
  }

  private update(sku: string, quantity: number | null): void {
    const lines = readCart();
    const line = lines.find((l) => l.sku === sku);
    if (!line) return;
    if (quantity === null) lines.splice(lines.indexOf(line), 1);
    else
      Object.assign(line, {
        quantity: Math.max(1, Math.min(line.maxQuantity || 1, quantity)),
        note: undefined,
      });
    writeCart(lines);
  }

  private lineItem(line: CartLine): HTMLLIElement {
    const t = this.labels;
    const name = `${line.productName} – ${line.variantName}`;
    const unit = unitPriceFor(line, line.quantity);
    const qty = h('input', {
      type: 'number',
      inputmode: 'numeric',
      min: 1,
      max: Math.max(1, line.maxQuantity),
      value: line.quantity,
      'aria-label': fill(t.quantityOf, { name }),
      disabled: line.maxQuantity === 0,
    });
    qty.addEventListener('change', () => this.update(line.sku, Math.trunc(Number(qty.value)) || 1));
    const remove = h(
      'button',
      { type: 'button', class: 'link-button', 'aria-label': fill(t.removeItem, { name }) },
      t.remove,
    );
    remove.addEventListener('click', () => this.update(line.sku, null));
    const note =
      line.note === 'unavailable'
        ? t.lineUnavailable
        : line.note === 'not_sellable'
          ? t.lineNotSellable
          : line.note === 'reduced'
            ? fill(t.quantityReduced, { max: line.maxQuantity })
            : '';
    return h(
      'li',
      { class: 'cart-line', 'data-sku': line.sku },
      h('span', { class: 'cart-line-name' }, name),
      h('span', { class: 'cart-line-price' }, `${this.vnd(unit)} × `),
      qty,
      h('strong', { class: 'cart-line-total' }, this.vnd(unit * line.quantity)),
      remove,
      note ? h('p', { class: 'cart-line-note error' }, note) : null,
    );
  }

  private render(): void {
    const t = this.labels;
    const lines = readCart();
    const body = this.querySelector<HTMLElement>('[data-cart-body]')!;
    const checkout = this.querySelector<HTMLElement>('[data-cart-checkout]')!;
    body.replaceChildren();
    checkout.hidden = lines.length === 0;
    if (lines.length === 0) {
      body.append(
        h(
          'p',
          {},
          t.cartEmpty,
          ' ',
          h('a', { href: this.dataset.productsUrl ?? '/products/' }, t.browseProducts),
        ),
      );
      return;
    }
    const groups = new Map<string, CartLine[]>();
    for (const l of lines) groups.set(l.facilityId, [...(groups.get(l.facilityId) ?? []), l]);
    let total = 0;
    for (const group of groups.values()) {
      const orderable = group.filter((l) => l.maxQuantity > 0);
      const subtotal = orderable.reduce((sum, l) => sum + unitPriceFor(l, l.quantity) * l.quantity, 0);
      const fee = orderable.length ? shippingFee(subtotal, this.rule) : 0;
      total += subtotal + fee;
      body.append(
        h(
          'section',
          { class: 'card cart-shipment' },
          h('h2', {}, fill(t.shipmentFrom, { facility: group[0]!.facilityName })),
          h('ul', { class: 'cart-lines' }, ...group.map((l) => this.lineItem(l))),
          h(
            'dl',
            { class: 'cart-sums' },
            h('dt', {}, t.subtotal),
            h('dd', {}, this.vnd(subtotal)),
            h('dt', {}, t.shipping),
            h('dd', {}, fee === 0 ? t.shippingFree : this.vnd(fee)),
          ),
        ),
      );
    }
    body.append(h('p', { class: 'cart-total' }, `${t.total}: `, h('strong', {}, this.vnd(total))));
  }
}

customElements.define('cart-view', CartView);
