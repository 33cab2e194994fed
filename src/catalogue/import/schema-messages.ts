/**
 * Vietnamese wording of the problems the registry schemas (zod) find in a merged record, for
 * the console; the CLI keeps zod's English message. Pure.
 */
import type { z } from 'zod';

/** The schemas' own English messages (src/catalogue/schemas.ts), in Vietnamese. */
const SCHEMA_MESSAGES: Record<string, string> = {
  'ids are lower-case ASCII words joined by hyphens':
    'mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối',
  'not a phone number': 'không phải là số điện thoại',
  'expected a date as yyyy-mm-dd': 'cần một ngày dạng yyyy-mm-dd',
  'not a real calendar date': 'ngày không có trên lịch',
  'a regional certificate needs a region': 'chứng nhận cấp khu vực cần ghi khu vực',
};

export function schemaIssueVi(issue: z.ZodIssue): string {
  const own = SCHEMA_MESSAGES[issue.message];
  if (own) return own;
  switch (issue.code) {
    case 'too_small':
      return issue.type === 'string'
        ? `cần dài ít nhất ${issue.minimum} ký tự`
        : `cần lớn hơn hoặc bằng ${issue.minimum}`;
    case 'too_big':
      return issue.type === 'string'
        ? `dài quá ${issue.maximum} ký tự`
        : `cần nhỏ hơn hoặc bằng ${issue.maximum}`;
    case 'invalid_string':
      if (issue.validation === 'email') return 'không phải là địa chỉ email';
      if (issue.validation === 'url') return 'không phải là địa chỉ trang web';
      return 'sai định dạng';
    case 'invalid_type':
      return issue.received === 'undefined'
        ? 'thiếu giá trị bắt buộc'
        : `sai kiểu dữ liệu (cần ${issue.expected}, nhận được ${issue.received})`;
    case 'invalid_enum_value':
      return `giá trị “${String(issue.received)}” không hợp lệ (cần một trong: ${issue.options.join(', ')})`;
    default:
      return `giá trị không hợp lệ (${issue.message})`;
  }
}
