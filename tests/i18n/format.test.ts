import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatVnd } from '~/i18n/format';
import { localeFromParam, localeOfPath, localePath, pickText, stripLocale } from '~/i18n/locales';
import { defineStrings } from '~/i18n/strings';

describe('vi-VN formats', () => {
  it('formats VND with dots and no decimals', () => {
    expect(formatVnd(125000).replace(/\s/g, ' ')).toBe('125.000 ₫');
    expect(formatVnd(1_250_000_000).replace(/\s/g, ' ')).toBe('1.250.000.000 ₫');
    expect(formatVnd(125000, 'en')).toMatch(/125,000/);
  });

  it('formats dates as dd/mm/yyyy in Vietnamese', () => {
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
    expect(formatDate('2027-01-01', 'en')).toBe('1 Jan 2027');
  });

  it("formats a moment in Vietnam time, whatever the server's zone", () => {
    // 17:30 UTC is 00:30 the next day in Hà Nội.
    const at = new Date('2026-12-01T17:30:00Z');
    expect(formatDateTime(at, 'vi')).toBe('00:30 2/12/26');
    expect(formatDateTime(at, 'en')).toMatch(/^2 Dec 2026, 00:30$|^02\/12\/2026, 00:30$/);
  });

  it('formats numbers with vi-VN separators', () => {
    expect(formatNumber(5486)).toBe('5.486');
  });
});

describe('locales', () => {
  it('puts English under /en/ with the same paths', () => {
    expect(localePath('vi', '/products/x/')).toBe('/products/x/');
    expect(localePath('en', '/products/x/')).toBe('/en/products/x/');
    expect(stripLocale('/en/products/x/')).toBe('/products/x/');
    expect(stripLocale('/en/')).toBe('/');
    expect(stripLocale('/encyclopedia/')).toBe('/encyclopedia/');
    expect(localeOfPath('/en/verify/')).toBe('en');
    expect(localeFromParam(undefined)).toBe('vi');
    expect(localeFromParam('fr')).toBeNull();
  });

  it('falls back to Vietnamese content', () => {
    expect(pickText({ vi: 'Nước mắm' }, 'en')).toBe('Nước mắm');
    expect(pickText({ vi: 'Nước mắm', en: 'Fish sauce' }, 'en')).toBe('Fish sauce');
  });

  it('fills variables in translated strings', () => {
    const t = defineStrings({ vi: { n: '{count} sản phẩm' }, en: { n: '{count} products' } });
    expect(t('vi')('n', { count: 3 })).toBe('3 sản phẩm');
    expect(t('en')('n', { count: 3 })).toBe('3 products');
  });
});
