// Enumerations of contracts §7, with their Vietnamese and English labels. The database
// CHECK constraints, the API schemas and the web app all read these lists.

export const KINDS = ['HTX', 'THT', 'LHHTX'] as const;
export const SECTORS = [
  'agriculture',
  'industry_handicraft',
  'construction',
  'trade_services',
  'transport',
  'credit_fund',
  'environment',
  'other',
] as const;
export const STATUSES = [
  'active',
  'suspended',
  'dissolving',
  'dissolved',
  'bankrupt',
  'revoked',
  'reorganized',
] as const;
export const GRADES = ['good', 'fair', 'average', 'weak', 'unrated'] as const;
export const MAPS = ['current', 'pre-2025'] as const;
export const LEVELS = ['province', 'district', 'commune'] as const;

export type Kind = (typeof KINDS)[number];
export type Sector = (typeof SECTORS)[number];
export type Status = (typeof STATUSES)[number];
export type Grade = (typeof GRADES)[number];
export type MapName = (typeof MAPS)[number];
export type Level = (typeof LEVELS)[number];

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const KIND_LABELS = {
  HTX: { vi: 'Hợp tác xã', en: 'Cooperative' },
  THT: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  LHHTX: { vi: 'Liên hiệp hợp tác xã', en: 'Cooperative union' },
} satisfies Labels<Kind>;

export const SECTOR_LABELS = {
  agriculture: { vi: 'Nông nghiệp', en: 'Agriculture' },
  industry_handicraft: { vi: 'Công nghiệp - tiểu thủ công nghiệp', en: 'Industry & handicraft' },
  construction: { vi: 'Xây dựng', en: 'Construction' },
  trade_services: { vi: 'Thương mại - dịch vụ', en: 'Trade & services' },
  transport: { vi: 'Vận tải', en: 'Transport' },
  credit_fund: { vi: 'Quỹ tín dụng nhân dân', en: "People's credit fund" },
  environment: { vi: 'Môi trường', en: 'Environment' },
  other: { vi: 'Khác', en: 'Other' },
} satisfies Labels<Sector>;

export const STATUS_LABELS = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  suspended: { vi: 'Tạm ngừng hoạt động', en: 'Suspended' },
  dissolving: { vi: 'Đang giải thể', en: 'Dissolving' },
  dissolved: { vi: 'Đã giải thể', en: 'Dissolved' },
  bankrupt: { vi: 'Phá sản', en: 'Bankrupt' },
  revoked: { vi: 'Bị thu hồi giấy chứng nhận', en: 'Certificate revoked' },
  reorganized: { vi: 'Đã tổ chức lại', en: 'Reorganized' },
} satisfies Labels<Status>;

export const GRADE_LABELS = {
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
  unrated: { vi: 'Chưa xếp loại', en: 'Unrated' },
} satisfies Labels<Grade>;

export const LEVEL_LABELS = {
  province: { vi: 'Tỉnh/thành phố', en: 'Province' },
  district: { vi: 'Quận/huyện', en: 'District' },
  commune: { vi: 'Xã/phường', en: 'Commune' },
} satisfies Labels<Level>;

export const MAP_LABELS = {
  current: { vi: 'Từ 01/7/2025 (2 cấp)', en: 'Since 1 July 2025 (2 levels)' },
  'pre-2025': { vi: 'Trước 01/7/2025 (3 cấp)', en: 'Before 1 July 2025 (3 levels)' },
} satisfies Labels<MapName>;
