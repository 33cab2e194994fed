import { defineStrings } from '~/i18n/strings';
import {
  MAX_ALT_LENGTH,
  MAX_INPUT_MEGAPIXELS,
  MAX_PHOTO_MEGABYTES,
  MAX_PHOTOS_PER_PRODUCT,
  MIN_PHOTO_SIDE,
  type PhotoProblem,
} from './photo-rules';

/** Why an upload or a photo change was refused, in the facility's language (the API answers in English). */
export const photoProblemStrings = defineStrings<PhotoProblem>({
  vi: {
    photo_required: 'Hãy chọn một tệp ảnh để tải lên.',
    not_an_image:
      'Tệp này không phải là ảnh JPEG, PNG hay WebP (kiểu tệp được xét theo nội dung, không theo tên).',
    too_large: `Ảnh lớn hơn ${MAX_PHOTO_MEGABYTES} MB. Hãy chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh rồi thử lại.`,
    too_many_pixels: `Ảnh có quá nhiều điểm ảnh (tối đa ${MAX_INPUT_MEGAPIXELS} megapixel). Hãy giảm kích thước ảnh rồi thử lại.`,
    too_small: `Ảnh quá nhỏ: cả chiều rộng và chiều cao cần từ ${MIN_PHOTO_SIDE} điểm ảnh trở lên.`,
    unreadable:
      'Không đọc được ảnh này (tệp có thể bị hỏng hoặc tải lên chưa hết). Hãy thử lại với tệp khác.',
    too_many_photos: `Mỗi sản phẩm có tối đa ${MAX_PHOTOS_PER_PRODUCT} ảnh. Hãy xóa bớt một ảnh trước khi tải ảnh mới.`,
    alt_required: 'Hãy mô tả ngắn nội dung ảnh bằng tiếng Việt (cho người không xem được ảnh).',
    alt_too_long: `Mô tả ảnh tối đa ${MAX_ALT_LENGTH} ký tự.`,
  },
  en: {
    photo_required: 'Choose an image file to upload.',
    not_an_image:
      'This file is not a JPEG, PNG or WebP image (the type is judged by its content, not its name).',
    too_large: `The image is over ${MAX_PHOTO_MEGABYTES} MB. Choose a smaller one or reduce its size, then try again.`,
    too_many_pixels: `The image has too many pixels (at most ${MAX_INPUT_MEGAPIXELS} megapixels). Reduce its size, then try again.`,
    too_small: `The image is too small: its width and height must both be at least ${MIN_PHOTO_SIDE} pixels.`,
    unreadable:
      'This image cannot be read (the file may be damaged or incompletely uploaded). Try another file.',
    too_many_photos: `A product has at most ${MAX_PHOTOS_PER_PRODUCT} photos. Delete one before uploading another.`,
    alt_required: 'Describe what the photo shows, in Vietnamese (for people who cannot see it).',
    alt_too_long: `A photo description is at most ${MAX_ALT_LENGTH} characters.`,
  },
});
