import type { Locale } from '~/i18n/locales';
import { defineStrings } from '~/i18n/strings';
import {
  type ListingProblem,
  type ListingProblems,
  MAX_DESCRIPTION,
  MAX_PRICE,
  MAX_QUANTITY,
  MAX_STOCK,
  MAX_TIERS,
  MAX_VARIANTS,
  MAX_WEIGHT_GRAMS,
} from './listing-input';

/** What a refused listing field says, in the facility's language (the API answers in English). */
export const listingProblemStrings = defineStrings<ListingProblem>({
  vi: {
    required: 'Trường này không được để trống.',
    wrong_type: 'Giá trị không đúng kiểu (cần một số hoặc một đoạn chữ).',
    too_long: 'Nội dung quá dài.',
    sku_shape: 'Mã SKU chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang, dài 3–41 ký tự.',
    sku_repeated: 'Mã SKU này đã dùng cho một quy cách khác trong cùng sản phẩm.',
    sku_taken: 'Mã SKU này đã thuộc về một sản phẩm khác. Hãy chọn mã khác.',
    price_positive: 'Giá phải lớn hơn 0 ₫.',
    price_too_high: `Giá không được vượt quá ${MAX_PRICE.toLocaleString('vi-VN')} ₫.`,
    whole_number: 'Cần một số nguyên (đồng Việt Nam không có phần lẻ).',
    quantity_positive: 'Số lượng phải từ 1 trở lên.',
    quantity_too_high: `Số lượng không được vượt quá ${MAX_QUANTITY.toLocaleString('vi-VN')}.`,
    tier_below_moq: 'Mức giá sỉ phải bắt đầu từ số lượng đặt tối thiểu trở lên.',
    tier_order: 'Các mức giá sỉ phải theo số lượng tăng dần, không trùng nhau.',
    tier_price_above_retail: 'Giá sỉ không được cao hơn giá bán lẻ.',
    too_many_tiers: `Tối đa ${MAX_TIERS} mức giá sỉ cho một quy cách.`,
    availability: 'Chọn một tình trạng: còn hàng, làm theo đơn, hoặc không bán trực tuyến.',
    lead_time_needed: 'Hàng làm theo đơn cần số ngày làm hàng.',
    lead_time_range: 'Số ngày làm hàng từ 1 đến 365.',
    weight_range: `Khối lượng từ 1 g đến ${MAX_WEIGHT_GRAMS.toLocaleString('vi-VN')} g.`,
    stock_range: `Tồn kho từ 0 đến ${MAX_STOCK.toLocaleString('vi-VN')}.`,
    variants_needed: 'Cần ít nhất một quy cách đóng gói.',
    too_many_variants: `Tối đa ${MAX_VARIANTS} quy cách cho một sản phẩm.`,
    unknown_field: 'Có trường không được nhận (kiểm tra lại tên trường).',
  },
  en: {
    required: 'This field is required.',
    wrong_type: 'Wrong kind of value (a number or a text is expected).',
    too_long: `Too long (descriptions at most ${MAX_DESCRIPTION} characters, names 160).`,
    sku_shape: 'A SKU is 3–41 upper-case letters, digits and hyphens.',
    sku_repeated: 'This SKU is already used by another variant of this product.',
    sku_taken: 'This SKU already belongs to another product. Choose another.',
    price_positive: 'The price must be more than 0 ₫.',
    price_too_high: `The price may not exceed ${MAX_PRICE.toLocaleString('en-US')} ₫.`,
    whole_number: 'A whole number is needed (the đồng has no minor unit).',
    quantity_positive: 'The quantity must be at least 1.',
    quantity_too_high: `The quantity may not exceed ${MAX_QUANTITY.toLocaleString('en-US')}.`,
    tier_below_moq: 'A wholesale tier must start at or above the minimum order quantity.',
    tier_order: 'Wholesale tiers must go up in quantity, with no two the same.',
    tier_price_above_retail: 'A wholesale price may not be higher than the retail price.',
    too_many_tiers: `At most ${MAX_TIERS} wholesale tiers per variant.`,
    availability: 'Choose an availability: in stock, made to order, or not sold online.',
    lead_time_needed: 'A made-to-order variant needs its lead time in days.',
    lead_time_range: 'The lead time is 1 to 365 days.',
    weight_range: `The weight is 1 g to ${MAX_WEIGHT_GRAMS.toLocaleString('en-US')} g.`,
    stock_range: `Stock is 0 to ${MAX_STOCK.toLocaleString('en-US')}.`,
    variants_needed: 'At least one variant (pack size) is needed.',
    too_many_variants: `At most ${MAX_VARIANTS} variants per product.`,
    unknown_field: 'A field is not accepted (check the field names).',
  },
});

/** Problems as `{ "variants.0.price": message }` in one language. */
export function problemMessages(problems: ListingProblems, locale: Locale): Record<string, string> {
  const t = listingProblemStrings(locale);
  return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, t(code)]));
}
