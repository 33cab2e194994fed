import { describe, expect, it } from 'vitest';
import { CURRENT_PROVINCES, FORMER_PROVINCES, findProvince } from '~/catalogue/provinces';

describe('provinces', () => {
  it('has 34 current and 63 former provinces', () => {
    expect(CURRENT_PROVINCES).toHaveLength(34);
    expect(FORMER_PROVINCES).toHaveLength(63);
  });

  it('maps every former province to one of the 34', () => {
    const current = new Set(CURRENT_PROVINCES.map((p) => p.name));
    for (const former of FORMER_PROVINCES) {
      const match = findProvince(former.name);
      expect(match, former.name).toBeDefined();
      expect(current.has(match!.current.name)).toBe(true);
      expect(match!.current.name).toBe(former.current);
      expect(match!.canonicalAsListed).toBe(former.name);
    }
  });

  it('maps every current province to itself', () => {
    for (const p of CURRENT_PROVINCES) {
      const match = findProvince(p.name)!;
      expect(match.current.name).toBe(p.name);
      expect(match.canonicalAsListed).toBe(p.name);
      expect(match.isFormer).toBe(false);
    }
  });

  it.each(['Hoà Bình', 'Hòa Bình', 'hoa binh', 'Tỉnh Hòa Bình', 'HOÀ BÌNH', 'tinh hoa binh'])(
    '%s → Phú Thọ',
    (name) => {
      const match = findProvince(name)!;
      expect(match.current.name).toBe('Phú Thọ');
      expect(match.canonicalAsListed).toBe('Hòa Bình');
      expect(match.isFormer).toBe(true);
    },
  );

  it.each(['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TPHCM', 'ho chi minh', 'Hồ Chí Minh'])(
    '%s → Hồ Chí Minh',
    (name) => {
      expect(findProvince(name)!.current.name).toBe('Hồ Chí Minh');
    },
  );

  it('knows merged provinces and old spellings', () => {
    expect(findProvince('Bà Rịa - Vũng Tàu')!.current.name).toBe('Hồ Chí Minh');
    expect(findProvince('Thừa Thiên Huế')!.current.name).toBe('Huế');
    expect(findProvince('Quảng Nam')!.current.name).toBe('Đà Nẵng');
    expect(findProvince('Đắc Lắc')!.current.name).toBe('Đắk Lắk');
    expect(findProvince('Thanh Hoá')!.canonicalAsListed).toBe('Thanh Hóa');
  });

  it('does not invent provinces', () => {
    expect(findProvince('Atlantis')).toBeUndefined();
    expect(findProvince('')).toBeUndefined();
  });
});
