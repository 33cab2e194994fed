/** The catalogue as the files hold it now: read once, again only after one of them changed. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import { currentCatalogue } from '~/catalogue/current-catalogue';
import { writeContentDir } from '../registry/revocation-helpers';
import { sampleData } from '../verification/fixtures';

describe('currentCatalogue', () => {
  it('keeps the catalogue while the files are unchanged and reads them again when one changes', async () => {
    const dir = writeContentDir(undefined, 'current-catalogue-');
    const first = await currentCatalogue(dir);
    expect(await currentCatalogue(dir)).toBe(first);
    expect(first.listingByProduct.size).toBe(0);

    const listing = {
      id: 'nuoc-mam-phu-quoc',
      productId: 'nuoc-mam-phu-quoc',
      photos: [],
      variants: [
        {
          sku: 'NMPQ-500',
          name: { vi: 'Chai 500 ml' },
          packSize: 'Chai 500 ml',
          price: 125_000,
          wholesaleTiers: [],
          minOrderQuantity: 1,
          availability: 'in_stock',
          weightGrams: 700,
        },
      ],
    };
    writeFileSync(path.join(dir, CONTENT_FILES.listings), serialiseCollection([listing]));
    const second = await currentCatalogue(dir);
    expect(second).not.toBe(first);
    expect(second.listingByProduct.get('nuoc-mam-phu-quoc')?.variants[0]?.price).toBe(125_000);
  });

  it('does not keep a failed read: the next call reads the files again', async () => {
    const dir = writeContentDir(undefined, 'current-catalogue-');
    const products = path.join(dir, CONTENT_FILES.products);
    writeFileSync(products, '[{"id": ');
    await expect(currentCatalogue(dir)).rejects.toThrow();
    writeFileSync(products, serialiseCollection(sampleData().products));
    expect((await currentCatalogue(dir)).productById.has('nuoc-mam-phu-quoc')).toBe(true);
  });
});
