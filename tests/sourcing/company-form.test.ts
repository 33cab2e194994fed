import { describe, expect, it } from 'vitest';
import { EMPTY_COMPANY_FORM, mapServerFields, validateCompanyForm } from '~/sourcing/company-form';

const good = {
  ...EMPTY_COMPANY_FORM,
  name: 'Công ty CP Siêu thị Hà Nội',
  taxCode: '0100109106',
  contactName: 'Nguyễn Thị Lan',
  phone: '0912 345 678',
  email: 'lan@example.vn',
  province: 'Hà Nội',
};

describe('company form checks in the browser', () => {
  it('accepts a complete form', () => {
    expect(validateCompanyForm(good, '2025-06-15')).toEqual({});
  });

  it('names each problem with its message key', () => {
    expect(validateCompanyForm({ ...EMPTY_COMPANY_FORM }, '2025-06-15')).toEqual({
      name: 'errorRequired',
      contactName: 'errorRequired',
      province: 'errorRequired',
      taxCode: 'errorRequired',
      phone: 'errorRequired',
      email: 'errorRequired',
    });
    expect(
      validateCompanyForm(
        { ...good, taxCode: '0100109107', phone: '12', email: 'lan@', targetDate: '2025-06-14' },
        '2025-06-15',
      ),
    ).toEqual({
      taxCode: 'errorTaxCheck',
      phone: 'errorPhone',
      email: 'errorEmail',
      targetDate: 'errorDate',
    });
    expect(validateCompanyForm({ ...good, taxCode: '0100109106-000' }, '2025-06-15')).toEqual({
      taxCode: 'errorTaxBranch',
    });
    expect(validateCompanyForm({ ...good, taxCode: '12345' }, '2025-06-15')).toEqual({
      taxCode: 'errorTaxFormat',
    });
  });

  it('maps the API field errors onto the form and the basket lines', () => {
    const mapped = mapServerFields(
      {
        'company.taxCode': 'the check digit does not match',
        'items.1.quantity': 'below the minimum',
        'items.3.sku': 'unknown SKU',
        message: 'too long',
      },
      { ...good, taxCode: '0100109107' },
    );
    expect(mapped.form).toEqual({ taxCode: 'errorTaxCheck' });
    expect([...mapped.lines]).toEqual([
      [1, { field: 'quantity', message: 'below the minimum' }],
      [3, { field: 'sku', message: 'unknown SKU' }],
    ]);
    expect(mapped.other).toEqual(['message: too long']);
  });
});
