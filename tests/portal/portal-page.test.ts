/**
 * The facility portal's read-only pages, as page state: which facility a request may see
 * (a member only their own, 403 for any other, whether it exists or not; operators and admins
 * any facility of the registry), the switcher (only the person's facilities), and what the
 * overview and products pages show from the registry and listing files. Pure: no database
 * (the principal, memberships included, comes from the guard).
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/access-rules';
import { overviewState, portalContext, portalStatus, productsState } from '~/portal/portal-page';
import { catalogue } from './portal-page-fixture';

const member = (...facilityIds: string[]): Principal & { kind: 'account' } => ({
  kind: 'account',
  userId: 'u1',
  email: 'chu@example.vn',
  role: 'facility',
  twoFactorEnabled: false,
  facilityIds,
});
const staff = (role: 'operator' | 'admin'): Principal & { kind: 'account' } => ({
  kind: 'account',
  userId: 'u2',
  email: 'op@example.vn',
  role,
  twoFactorEnabled: true,
  facilityIds: [],
});
const url = (query = '') => new URL(`http://localhost:4321/facility/${query}`);

describe('which facility the portal shows', () => {
  it('shows a member their facility by default, with no switcher choice but their own', () => {
    const context = portalContext(member('co-so-a'), url(), catalogue);
    expect(context).toMatchObject({ kind: 'facility', facility: { id: 'co-so-a' }, query: '' });
    expect(context.choices).toEqual([{ id: 'co-so-a', name: 'HTX Chè Bản Khoang', current: true }]);
    expect(portalStatus(context)).toBe(200);
  });

  it('refuses facility B to a member of facility A with 403, and never says whether B exists', () => {
    for (const asked of ['co-so-b', 'khong-co', '../co-so-b']) {
      const context = portalContext(
        member('co-so-a'),
        url(`?facility=${encodeURIComponent(asked)}`),
        catalogue,
      );
      expect(context).toMatchObject({ kind: 'forbidden', facilityId: asked });
      expect(portalStatus(context)).toBe(403);
      // The refusal page still offers the member their own facility.
      expect(context.choices.map((c) => c.id)).toEqual(['co-so-a']);
    }
  });

  it.each(['operator', 'admin'] as const)('lets an %s view any facility of the registry', (role) => {
    const context = portalContext(staff(role), url('?facility=co-so-b'), catalogue);
    expect(context).toMatchObject({ kind: 'facility', facility: { id: 'co-so-b' }, staff: true });
    // Staff links keep the facility, as the address alone would not say it.
    expect(context.kind === 'facility' && context.query).toBe('?facility=co-so-b');
    expect(context.choices).toEqual([]);
  });

  it('answers staff 404 for a facility the registry does not have, and asks them to pick one without ?facility=', () => {
    const unknown = portalContext(staff('operator'), url('?facility=khong-co'), catalogue);
    expect(unknown).toMatchObject({ kind: 'unknown', facilityId: 'khong-co' });
    expect(portalStatus(unknown)).toBe(404);
    expect(portalContext(staff('operator'), url(), catalogue)).toMatchObject({
      kind: 'no_facility',
      staff: true,
    });
  });

  it('lists only the member’s own facilities in the switcher, by name, the first by default', () => {
    const who = member('co-so-a', 'co-so-c');
    const first = portalContext(who, url(), catalogue);
    expect(first.choices).toEqual([
      { id: 'co-so-c', name: 'An Phát', current: true },
      { id: 'co-so-a', name: 'HTX Chè Bản Khoang', current: false },
    ]);
    expect(first.kind === 'facility' && first.query).toBe('?facility=co-so-c');
    const other = portalContext(who, url('?facility=co-so-a'), catalogue);
    expect(other).toMatchObject({ kind: 'facility', facility: { id: 'co-so-a' } });
    expect(other.choices.find((c) => c.current)?.id).toBe('co-so-a');
    expect(other.choices.map((c) => c.id)).not.toContain('co-so-b');
  });

  it('tells a signed-in account with no facility so, and a member whose facility left the registry', () => {
    expect(portalContext(member(), url(), catalogue)).toEqual({
      kind: 'no_facility',
      staff: false,
      choices: [],
    });
    const gone = portalContext(member('da-xoa'), url(), catalogue);
    expect(gone).toMatchObject({ kind: 'unknown', facilityId: 'da-xoa' });
    expect(gone.choices).toEqual([{ id: 'da-xoa', name: null, current: false }]);
    // A member whose other facility is still listed lands on that one.
    expect(portalContext(member('da-xoa', 'co-so-b'), url(), catalogue)).toMatchObject({
      kind: 'facility',
      facility: { id: 'co-so-b' },
    });
  });
});

describe('the overview', () => {
  const state = overviewState(catalogue, catalogue.facilityById.get('co-so-a')!, '2025-06-01', 'vi');

  it('shows the facility’s registry details and its public page', () => {
    expect(state.facility).toMatchObject({ provinceAsListed: 'Yên Bái', address: 'Thôn 1, xã Bản Khoang' });
    expect(state.publicPath).toBe('/facilities/co-so-a/');
  });

  it('lists only this facility’s products, each certificate with its status today and its badge kit', () => {
    expect(state.products.map((p) => p.id)).toEqual(['mat-ong-a', 'che-a']);
    const rows = state.products.flatMap((p) => p.certificates);
    expect(rows.map((c) => [c.id, c.status, c.badgeKitPath])).toEqual([
      ['cn-mat-ong', 'revoked', '/verify/cn-mat-ong/badge/'],
      ['cn-a-2021', 'superseded', '/verify/cn-a-2021/badge/'],
      ['cn-a-2024', 'valid', '/verify/cn-a-2024/badge/'],
    ]);
    expect(rows[0]!.statusDetail).toBe('thu hồi ngày 01/03/2025: Sai nhãn hàng hóa');
    expect(rows[1]!.statusDetail).toBe('thay bằng chứng nhận CN-A-2024');
    expect(rows[2]!.statusDetail).toBeUndefined();
  });

  it('says in English how the status came about on the English page', () => {
    const en = overviewState(catalogue, catalogue.facilityById.get('co-so-a')!, '2025-06-01', 'en');
    expect(en.products[0]!.certificates[0]!.statusDetail).toBe('revoked on 1 Mar 2025: Sai nhãn hàng hóa');
  });
});

describe('the products page', () => {
  it('summarises each listing with VND prices in the page’s format, and a product without one', () => {
    const vi = productsState(catalogue, catalogue.facilityById.get('co-so-a')!, 'vi');
    expect(vi.map((p) => [p.id, p.listing === null])).toEqual([
      ['mat-ong-a', true],
      ['che-a', false],
    ]);
    const [box, bag] = vi[1]!.listing!.variants;
    expect(box).toMatchObject({
      sku: 'CHE-A-1',
      name: 'Chè A – Hộp 200 g',
      price: '261.000\u00a0₫',
      tiers: [{ minQuantity: '20', unitPrice: '240.000\u00a0₫' }],
      stock: '1.500',
      weightGrams: '1.250',
      availability: 'in_stock',
    });
    expect(bag).toMatchObject({ stock: null, availability: 'made_to_order', leadTimeDays: 10 });
    expect(vi[1]!.listing!.photos).toBe(1);
  });

  it('shows English names (falling back to Vietnamese) and English number format under /en/', () => {
    const en = productsState(catalogue, catalogue.facilityById.get('co-so-a')!, 'en');
    const [box, bag] = en[1]!.listing!.variants;
    expect(box).toMatchObject({ name: 'Tea A – 200 g box', price: '₫261,000' });
    expect(bag!.name).toBe('Chè A – Túi 1 kg');
  });

  it('links each product to its listing editor and photos page, and shows units left when known', () => {
    const [, che] = productsState(
      catalogue,
      catalogue.facilityById.get('co-so-a')!,
      'vi',
      new Map([['CHE-A-1', 12]]),
    );
    expect(che).toMatchObject({
      editPath: '/facility/products/che-a/',
      photosPath: '/facility/products/che-a/photos/',
    });
    expect(che!.listing!.variants.map((v) => v.stock)).toEqual(['12', null]);
  });

  it('never shows another facility’s products', () => {
    expect(productsState(catalogue, catalogue.facilityById.get('co-so-b')!, 'vi').map((p) => p.id)).toEqual([
      'gom-b',
    ]);
  });
});
