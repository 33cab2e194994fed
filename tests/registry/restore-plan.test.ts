/**
 * What a restore writes (pure): the older state's records as stored, each certificate with its
 * current revocation, and records kept that a current revocation or listing depends on.
 */
import { describe, expect, it } from 'vitest';
import {
  brokenReferences,
  parseRegistryTexts,
  planRestore,
  type RegistryObjects,
  RegistryTextError,
} from '~/registry/restore-plan';
import { certificate, facility, product } from '../catalogue/fixture-builders';

const revocation = { date: '2025-01-02', reason: 'Không còn đáp ứng' };

const older = (): RegistryObjects => ({
  facilities: [facility('htx-a', 'HTX A', 'Hà Nội')],
  products: [product('che-a', 'Chè A', 'htx-a', 'food')],
  certificates: [
    certificate('c-1', 'che-a', 'htx-a', 'province', 2020),
    certificate('c-2', 'che-a', 'htx-a', 'province', 2021, {
      revocation: { date: '2022-01-01', reason: 'nhầm lẫn' },
    }),
  ],
});

const current = (): RegistryObjects => {
  const o = older();
  return {
    facilities: [...o.facilities, facility('htx-b', 'HTX B', 'Huế')],
    products: [
      ...o.products,
      product('mien-b', 'Miến B', 'htx-b', 'food'),
      product('gom-b', 'Gốm B', 'htx-b', 'handicraft'),
    ],
    certificates: [
      { ...o.certificates[0]!, revocation },
      // c-2's revocation was reversed since.
      certificate('c-2', 'che-a', 'htx-a', 'province', 2021),
      certificate('c-3', 'mien-b', 'htx-b', 'province', 2024, { revocation }),
      certificate('c-4', 'gom-b', 'htx-b', 'province', 2024),
    ],
  };
};

describe('planRestore', () => {
  it('keeps every certificate’s current revocation, or its current lack of one', () => {
    const plan = planRestore(older(), current());
    const byId = new Map(plan.registry.certificates.map((c) => [c.id, c]));
    expect(byId.get('c-1')!.revocation).toEqual(revocation);
    expect(byId.get('c-2')).not.toHaveProperty('revocation');
    expect(plan.revocationsKept.sort()).toEqual(['c-1', 'c-2']);
  });

  it('keeps a revoked certificate the older state lacks, with its product and facility', () => {
    const plan = planRestore(older(), current());
    expect(plan.carried).toEqual({ facilities: ['htx-b'], products: ['mien-b'], certificates: ['c-3'] });
    expect(plan.registry.certificates.map((c) => c.id)).not.toContain('c-4');
    expect(brokenReferences(plan.registry)).toEqual([]);
  });

  it('keeps a product a listing sells', () => {
    const plan = planRestore(older(), current(), ['gom-b']);
    expect(plan.carried.products).toEqual(['mien-b', 'gom-b']);
  });

  it('leaves the older state as it was when nothing was revoked or reversed since', () => {
    const o = older();
    const plan = planRestore(o, o);
    expect(plan.registry).toEqual(o);
    expect(plan.registry.certificates[1]).toBe(o.certificates[1]);
    expect(plan.revocationsKept).toEqual([]);
  });

  it('puts a revocation last, where the revocation code writes it', () => {
    const plan = planRestore(older(), current());
    expect(Object.keys(plan.registry.certificates[0]!).at(-1)).toBe('revocation');
  });
});

describe('parseRegistryTexts', () => {
  const texts = { facilities: '[]\n', products: '[]\n', certificates: '[]\n' };
  it('returns the records as stored, without the schema’s defaults', () => {
    const parsed = parseRegistryTexts({
      ...texts,
      facilities: JSON.stringify([
        { id: 'htx-a', name: 'HTX A', type: 'cooperative', province: 'Huế', provinceAsListed: 'Huế' },
      ]),
    });
    expect(parsed.facilities[0]).not.toHaveProperty('photos');
  });
  it('names the file and field of a record that fails today’s checks', () => {
    expect(() => parseRegistryTexts({ ...texts, products: '[{"id":"x"}]' })).toThrow(RegistryTextError);
    expect(() => parseRegistryTexts({ ...texts, products: '[{"id":"x"}]' })).toThrow(
      /registry\/products\.json: 0\.name/,
    );
    expect(() => parseRegistryTexts({ ...texts, certificates: '[' })).toThrow(/certificates\.json: not JSON/);
  });
});

describe('brokenReferences', () => {
  it('names a product without its facility and a certificate without its product', () => {
    const o = older();
    expect(brokenReferences({ ...o, facilities: [] })).toEqual([
      'product che-a: facility htx-a is missing',
      'certificate c-1: facility htx-a is missing',
      'certificate c-2: facility htx-a is missing',
    ]);
  });
});
