import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueData } from '~/catalogue/catalogue';
import { Catalogue } from '~/catalogue/catalogue';
import { readCatalogueData } from '~/catalogue/content-files';
import { coreName, facilityKey } from '~/catalogue/import/identity';
import { importRegistryFile } from '~/catalogue/import/index';
import { CURRENT_PROVINCES, FORMER_PROVINCES } from '~/catalogue/provinces';
import {
  certificateSchema,
  datasetSchema,
  facilitySchema,
  listingSchema,
  productSchema,
} from '~/catalogue/schemas';
import { generateSample, writeSample } from '~scripts/sample/index';
import { csv, removeDir, snapshot, tempDir } from '~tests/catalogue/import/helpers';

let data: CatalogueData;
let work: string;
let dirA: string;
let dirB: string;

beforeAll(async () => {
  work = await tempDir('cnnt-sample-');
  dirA = path.join(work, 'a');
  dirB = path.join(work, 'b');
  // The default sample, written twice into two directories; the second copy is the one tested.
  await writeSample(dirA);
  await writeSample(dirB);
  data = await readCatalogueData(dirB);
});
afterAll(async () => {
  await removeDir(work);
});

describe('the default sample', () => {
  it('is byte-identical on every run', async () => {
    expect(await snapshot(dirA)).toEqual(await snapshot(dirB));
  });

  it('is at the programme’s real scale', () => {
    const byLevel = (level: string) => data.certificates.filter((c) => c.level === level).length;
    expect(data.products).toHaveLength(3000);
    expect(data.facilities.length).toBeGreaterThan(1600);
    expect(data.facilities.length).toBeLessThan(1800);
    const high = byLevel('regional') + byLevel('national');
    expect(high).toBeGreaterThan(2050);
    expect(high).toBeLessThan(2250);
    expect(byLevel('national')).toBeGreaterThan(550);
    expect(byLevel('province')).toBeGreaterThan(1500);
    expect(byLevel('district') + byLevel('commune')).toBeGreaterThan(100);
    expect(byLevel('commune')).toBeGreaterThan(0);
    const share = data.listings.length / data.products.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    const photos = [...data.facilities, ...data.products, ...data.listings].reduce(
      (n, r) => n + r.photos.length,
      0,
    );
    expect(photos / data.products.length).toBeGreaterThan(0.8);
    expect(photos / data.products.length).toBeLessThan(1.2);
    expect(data.dataset).toEqual({ id: 'dataset', sample: true, generatedBy: 'npm run sample', seed: 2025 });
  });

  it('has rounds every two years from 2012, regional in every region, and 2025 only below regional level', () => {
    const regionalYears = new Set(data.certificates.filter((c) => c.level === 'regional').map((c) => c.year));
    expect([...regionalYears].sort()).toEqual([2012, 2014, 2016, 2018, 2020, 2022, 2024]);
    const nationalYears = new Set(data.certificates.filter((c) => c.level === 'national').map((c) => c.year));
    expect([...nationalYears].sort()).toEqual([2015, 2017, 2019, 2021, 2023]);
    expect(new Set(data.certificates.filter((c) => c.level === 'regional').map((c) => c.region))).toEqual(
      new Set(['north', 'central', 'south']),
    );
    for (const c of data.certificates) {
      expect(c.year).toBeGreaterThanOrEqual(2012);
      expect(c.year).toBeLessThanOrEqual(2025);
      if (c.year === 2025) expect(['province', 'commune']).toContain(c.level);
    }
  });

  it('passes the schemas and keeps references intact', () => {
    for (const f of data.facilities) expect(facilitySchema.safeParse(f).success).toBe(true);
    for (const p of data.products) expect(productSchema.safeParse(p).success).toBe(true);
    for (const c of data.certificates) expect(certificateSchema.safeParse(c).success).toBe(true);
    for (const l of data.listings) expect(listingSchema.safeParse(l).success).toBe(true);
    expect(datasetSchema.safeParse(data.dataset).success).toBe(true);
    const catalogue = new Catalogue(data);
    for (const p of data.products) {
      expect(catalogue.facilityById.has(p.facilityId)).toBe(true);
      expect(catalogue.certificatesOf(p.id).length).toBeGreaterThan(0);
    }
    for (const c of data.certificates) {
      expect(catalogue.productById.get(c.productId)?.facilityId).toBe(c.facilityId);
    }
    for (const l of data.listings) expect(catalogue.productById.has(l.productId)).toBe(true);
  });

  it('has unique ids, SKUs, certificate numbers and facility identities', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(data.facilities.map((f) => f.id));
    unique(data.products.map((p) => p.id));
    unique(data.certificates.map((c) => c.id));
    unique(data.listings.map((l) => l.id));
    unique(data.listings.map((l) => l.productId));
    unique(data.listings.flatMap((l) => l.variants.map((v) => v.sku)));
    unique(data.certificates.flatMap((c) => (c.number ? [c.number] : [])));
    unique(data.facilities.map((f) => facilityKey(f.name, f.province)));
  });

  it('covers every current and former province, with names as listed on the day', () => {
    expect(new Set(data.facilities.map((f) => f.province))).toEqual(
      new Set(CURRENT_PROVINCES.map((p) => p.name)),
    );
    const listed = new Set(data.certificates.map((c) => c.provinceAsListed));
    for (const former of FORMER_PROVINCES) expect(listed.has(former.name), former.name).toBe(true);
    const formerOnly = new Set(
      FORMER_PROVINCES.map((p) => p.name).filter((n) => !CURRENT_PROVINCES.some((c) => c.name === n)),
    );
    for (const c of data.certificates) {
      if (c.issuedOn && c.issuedOn >= '2025-07-01') expect(formerOnly.has(c.provinceAsListed)).toBe(false);
      if (c.year < 2025 && c.level !== 'commune') expect(c.provinceAsListed).not.toBe('Huế');
    }
  });

  it('has superseded chains, revocations, decisions, printed numbers and scores', () => {
    const catalogue = new Catalogue(data);
    const chains = data.products.filter(
      (p) => new Set(catalogue.certificatesOf(p.id).map((c) => c.level)).size >= 3,
    );
    expect(chains.length).toBeGreaterThan(20);
    const statuses = data.certificates.map((c) => catalogue.statusOf(c, '2025-11-15').status);
    for (const s of ['valid', 'expired', 'revoked', 'superseded']) expect(statuses).toContain(s);
    const revoked = data.certificates.filter((c) => c.revocation);
    expect(revoked.length).toBeGreaterThanOrEqual(5);
    for (const c of revoked) {
      expect(c.revocation!.date > (c.issuedOn ?? '')).toBe(true);
      expect(c.revocation!.decision).toMatch(/^\d+\/QĐ-(BCT|UBND)$/);
    }
    for (const c of data.certificates) {
      expect(c.decision).toMatch(/^\d+\/QĐ-(BCT|UBND)$/);
      if (c.level === 'national' || c.level === 'regional') {
        expect(c.issuedBy).toBe('Bộ Công Thương');
        expect(c.decision).toMatch(/QĐ-BCT$/);
      } else expect(c.issuedBy).toMatch(/^UBND /);
    }
    expect(data.certificates.filter((c) => c.number).length / data.certificates.length).toBeGreaterThan(0.5);
    expect(
      data.certificates.filter((c) => c.score !== undefined).length / data.certificates.length,
    ).toBeGreaterThan(0.5);
  });

  it('has facilities of every type with Vietnamese legal names and valid contacts', () => {
    const types = new Set(data.facilities.map((f) => f.type));
    expect(types).toEqual(new Set(['company', 'cooperative', 'household', 'cooperative_group', 'other']));
    for (const f of data.facilities) {
      expect(coreName(f.name).length).toBeGreaterThan(1);
      if (f.phone) expect(f.phone).toMatch(/^0\d{3} \d{3,4} \d{3}$/);
    }
    expect(data.facilities.filter((f) => f.email).length).toBeGreaterThan(300);
  });

  it('has listings with realistic prices, tiers and availability', () => {
    const variants = data.listings.flatMap((l) => l.variants);
    for (const v of variants) {
      expect(v.price % 1000).toBe(0);
      expect(v.price).toBeGreaterThanOrEqual(1000);
      let last = v.price;
      for (const t of v.wholesaleTiers) {
        expect(t.unitPrice).toBeLessThan(last);
        expect(t.unitPrice % 1000).toBe(0);
        last = t.unitPrice;
      }
      if (v.wholesaleTiers.length > 0) expect(v.minOrderQuantity).toBe(v.wholesaleTiers[0]!.minQuantity);
      expect(v.sku).toBe(v.sku.toUpperCase());
    }
    for (const l of data.listings) {
      expect(l.variants.length).toBeGreaterThanOrEqual(1);
      expect(l.variants.length).toBeLessThanOrEqual(3);
      expect(l.photos.length).toBeGreaterThanOrEqual(1);
      expect(l.photos.length).toBeLessThanOrEqual(2);
      expect(l.description?.vi).toBeTruthy();
    }
    expect(variants.some((v) => v.availability === 'made_to_order' && v.leadTimeDays)).toBe(true);
    expect(variants.some((v) => v.stock !== undefined)).toBe(true);
    expect(data.listings.some((l) => l.description?.en)).toBe(true);
  });
});

describe('the sample and the import agree', () => {
  it('importing the sample registry as an operator list changes nothing', async () => {
    const facilities = new Map(data.facilities.map((f) => [f.id, f]));
    const products = new Map(data.products.map((p) => [p.id, p]));
    const header = [
      'so_chung_nhan',
      'quyet_dinh',
      'cap',
      'khu_vuc',
      'nam',
      'ngay_cap',
      'hieu_luc_den',
      'ten_san_pham',
      'nhom_san_pham',
      'ten_co_so',
      'dia_chi',
      'tinh_thanh',
      'diem',
      'dien_thoai',
      'email',
      'co_quan_cap',
    ];
    const iso = (d?: string) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
    const rows = data.certificates.map((c) => {
      const p = products.get(c.productId)!;
      const f = facilities.get(c.facilityId)!;
      return [
        c.number ?? '',
        c.decision ?? '',
        c.level,
        c.region ?? '',
        c.year,
        iso(c.issuedOn),
        iso(c.validUntil),
        p.name,
        p.group,
        f.name,
        f.address ?? '',
        c.provinceAsListed,
        c.score ?? '',
        f.phone ?? '',
        f.email ?? '',
        c.issuedBy,
      ];
    });
    const file = path.join(work, 'export.csv');
    await writeFile(file, csv([header, ...rows]));
    const before = await snapshot(dirB);
    const outcome = await importRegistryFile(file, { contentDir: dirB });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toMatchObject({
      facilities: { added: 0, updated: 0, unchanged: data.facilities.length },
      products: { added: 0, updated: 0, unchanged: data.products.length },
      certificates: { added: 0, updated: 0, unchanged: data.certificates.length },
    });
    expect(await snapshot(dirB)).toEqual(before);
  });
});

describe('other sizes and seeds', () => {
  it('scales facilities and certificates with --products', () => {
    const small = generateSample({ products: 600, seed: 9 });
    expect(small.products).toHaveLength(600);
    expect(small.facilities.length).toBe(340);
    const high = small.certificates.filter((c) => c.level === 'regional' || c.level === 'national').length;
    expect(high).toBeGreaterThan(380);
    expect(high).toBeLessThan(470);
  });

  it('a different seed gives different data', () => {
    const a = generateSample({ products: 100, seed: 1 });
    const b = generateSample({ products: 100, seed: 2 });
    expect(JSON.stringify(a.products)).not.toBe(JSON.stringify(b.products));
  });

  it('works for very small catalogues', () => {
    const tiny = generateSample({ products: 3, seed: 1 });
    expect(tiny.products).toHaveLength(3);
    expect(tiny.certificates.length).toBeGreaterThanOrEqual(3);
  });
});
