/**
 * What the operators' lists do not carry, added after the merge: facilities' websites,
 * descriptions and a few photos, and a few revoked certificates.
 */
import type { Certificate, Facility } from '~/catalogue/schemas';
import { KINDS } from './kinds';
import { dateOf, type PlannedFacility } from './plan';
import type { Rng } from './prng';
import { TEMPLATES } from './templates';

/** The sample's "today": revocations are dated before it. */
const SAMPLE_TODAY = '2025-11-15';

const REVOCATION_REASONS = [
  'Cơ sở không duy trì chất lượng sản phẩm như hồ sơ đăng ký bình chọn',
  'Cơ sở ngừng sản xuất sản phẩm và đề nghị thu hồi giấy chứng nhận',
  'Sử dụng biểu trưng của chương trình không đúng quy định',
  'Thông tin trong hồ sơ đăng ký bình chọn không trung thực',
  'Cơ sở đã giải thể',
];

/** The merged facilities with their planned website, and a description and photo for some. */
export function withFacilityExtras(
  rng: Rng,
  merged: readonly Facility[],
  planned: readonly PlannedFacility[],
): Facility[] {
  const plannedByName = new Map(planned.map((f) => [f.name, f]));
  return merged.map((f) => {
    const plan = plannedByName.get(f.name)!;
    const description = facilityDescription(rng, f, plan);
    return inFieldOrder({
      ...f,
      ...(plan.website && { website: plan.website }),
      ...(description && { description }),
      photos: rng.chance(0.03) ? [`photos/facility-${f.id}.webp`] : [],
    });
  });
}

function facilityDescription(rng: Rng, f: Facility, plan: PlannedFacility): Facility['description'] {
  if (!rng.chance(0.35)) return undefined;
  const kind = KINDS[TEMPLATES[plan.primary.key]!.kind];
  return {
    vi: `${f.name} là ${plan.type === 'cooperative' ? 'hợp tác xã' : plan.type === 'household' ? 'cơ sở sản xuất' : 'đơn vị'} chuyên ${kind.trade.toLowerCase()} tại ${plan.primary.place}, ${f.provinceAsListed}, với ${rng.int(5, 120)} lao động địa phương.`,
    ...(rng.chance(0.4) && {
      en: `A ${plan.type === 'cooperative' ? 'cooperative' : 'producer'} in ${plan.primary.place}, ${f.province}, employing local workers.`,
    }),
  };
}

/** Spreading the merged record put website and description after photos; this is the import's field order. */
function inFieldOrder(f: Facility): Facility {
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    ...(f.address && { address: f.address }),
    province: f.province,
    provinceAsListed: f.provinceAsListed,
    ...(f.phone && { phone: f.phone }),
    ...(f.email && { email: f.email }),
    ...(f.website && { website: f.website }),
    ...(f.description && { description: f.description }),
    photos: f.photos,
  };
}

/** About one in 170 certificates issued before mid-2024 revoked, a year or two after issue. */
export function withRevocations(rng: Rng, certificates: readonly Certificate[]): Certificate[] {
  return certificates.map((c) => {
    if (!(c.issuedOn && c.issuedOn < '2024-06-01' && rng.chance(0.006))) return c;
    const issued = c.issuedOn;
    const year = Math.min(Number(issued.slice(0, 4)) + rng.int(1, 2), 2025);
    let date = dateOf(year, rng.int(1, 12), rng.int(1, 28));
    if (date <= issued) date = dateOf(Number(issued.slice(0, 4)) + 1, 3, 15);
    if (date > SAMPLE_TODAY) date = '2025-06-30';
    const national = c.level === 'national' || c.level === 'regional';
    return {
      ...c,
      revocation: {
        date,
        reason: rng.pick(REVOCATION_REASONS),
        decision: `${rng.int(100, 4200)}/QĐ-${national ? 'BCT' : 'UBND'}`,
      },
    };
  });
}
