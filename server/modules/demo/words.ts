// Word lists for demo names, places and people. Plain data: the generator picks from them.
import type { Kind, Sector } from '../../../shared/contracts/enums.ts';

export type Region = 'mountain' | 'delta' | 'central' | 'highlands' | 'south';

/** The 34 provinces of the current map by region (northern uplands, Red River delta, …). */
const REGION_CODES: Record<Region, string[]> = {
  mountain: ['04', '08', '11', '12', '14', '15', '19', '20'],
  delta: ['01', '22', '24', '25', '31', '33', '37'],
  central: ['38', '40', '42', '44', '46', '48', '51', '56'],
  highlands: ['52', '66', '68'],
  south: ['75', '79', '80', '82', '86', '91', '92', '96'],
};

export function regionOf(provinceCode: string): Region {
  for (const [region, codes] of Object.entries(REGION_CODES)) if (codes.includes(provinceCode)) return region as Region;
  return 'delta';
}

export const KIND_PREFIX: Record<Kind, string> = {
  HTX: 'Hợp tác xã',
  THT: 'Tổ hợp tác',
  LHHTX: 'Liên hiệp Hợp tác xã',
};

/** Auspicious or common proper parts of names ("Hợp tác xã Nông nghiệp Tân Tiến"). */
// prettier-ignore
export const NAME_WORDS = [
  'Tân Tiến', 'Thành Công', 'Hòa Bình', 'Đoàn Kết', 'Phú Thịnh', 'Hưng Thịnh', 'Thắng Lợi', 'Quyết Thắng',
  'Tiến Thành', 'Minh Phát', 'Phúc Lộc', 'An Phú', 'Bình Minh', 'Hợp Lực', 'Toàn Thắng', 'Đồng Tâm',
  'Thịnh Vượng', 'Tuấn Tú', 'Thanh Nhật', 'Quang Minh', 'Xuân Hòa', 'Hồng Phong', 'Việt Hưng', 'Nam Sơn',
  'Đông Phong', 'Kim Ngân', 'Phú Cường', 'Hoàng Long', 'Trường Sơn', 'Bảo Ngọc', 'Sao Mai', 'Hương Sen',
  'Thái Hòa', 'Vạn Xuân', 'Phát Đạt', 'Thuận Phát', 'Hồng Hà', 'Ánh Dương', 'Hải Đăng', 'Thiên Phú',
  'Gia Bảo', 'Hạnh Phúc', 'Thành Đạt', 'Ngọc Lan', 'Trung Kiên', 'Đại Thành', 'Tiên Phong', 'Cường Thịnh',
  'Tâm Đức', 'Bình An', 'Lộc Phát', 'Phú Quý', 'Đồng Xanh', 'Thống Nhất', 'Quyết Tiến', 'Hữu Nghị',
  'Nhân Hòa', 'Tân Phát', 'Mạnh Hùng', 'Kiến Thiết', 'Hoa Sen', 'Minh Tâm', 'Đức Thịnh', 'Phương Nam',
] as const;

/** Hamlets (bản, thôn, xóm, buôn, ấp) by region, used in names and addresses. */
// prettier-ignore
export const HAMLETS: Record<Region, readonly string[]> = {
  mountain: [
    'Bản Giốc', 'Nà Pò', 'Khuổi Ky', 'Pác Bó', 'Nà Giàng', 'Bản Chang', 'Lũng Cải', 'Nà Mạ', 'Khau Vai',
    'Phja Thắp', 'Bản Hòa', 'Nà Sác', 'Cốc Chia', 'Pò Tấu', 'Bó Mỵ', 'Lũng Rì', 'Kéo Yên', 'Nặm Pục',
    'Bản Lầy', 'Nà Hoài', 'Khuổi Nhòa', 'Bản Mới', 'Nà Ngần', 'Lũng Pán',
  ],
  delta: [
    'Thôn Đông', 'Thôn Đoài', 'Thôn Thượng', 'Thôn Hạ', 'Thôn Trung', 'Xóm Mới', 'Thôn Phú Mỹ', 'Thôn An Thái',
    'Thôn Đại Đồng', 'Thôn Vân Hà', 'Thôn Yên Vĩnh', 'Xóm Chùa', 'Thôn Lạc Thị', 'Thôn Kim Lũ', 'Thôn Tảo Khê',
    'Thôn Vĩnh Ninh', 'Thôn Phù Lưu', 'Thôn Đình Xuyên',
  ],
  central: [
    'Thôn Trung Tiến', 'Thôn Kim Tiến', 'Xóm 3', 'Thôn Tân Hương', 'Thôn Phúc Sơn', 'Thôn Khe Mây',
    'Thôn Đồng Quang', 'Thôn Hồng Lạc', 'Thôn Bình Hà', 'Thôn Mỹ Thịnh', 'Thôn Sơn Thủy', 'Thôn Vĩnh Lộc',
    'Thôn Bắc Sơn', 'Xóm 7', 'Thôn Phú Lợi', 'Thôn Hà Trai',
  ],
  highlands: [
    'Buôn Ako Dhông', 'Buôn Ky', 'Buôn Tơng Jú', 'Buôn Trí A', 'Buôn Đôn', 'Buôn Jun', 'Buôn Cuôr Đăng',
    'Thôn Ea Sim', 'Thôn Tân Lập', 'Thôn Đồng Tâm', 'Thôn 7', 'Thôn 9', 'Thôn Hòa Thuận', 'Thôn Tân Sơn',
  ],
  south: [
    'Ấp Phú Hòa', 'Ấp Mỹ Thới', 'Ấp Long Thạnh', 'Ấp Bình Đông', 'Ấp Vĩnh Lợi', 'Ấp Tân Hiệp', 'Ấp Hòa Long',
    'Ấp Thạnh Phú', 'Ấp Phước Lợi', 'Ấp An Thạnh', 'Ấp Kênh Mới', 'Ấp Cây Dương', 'Ấp Trà Sư', 'Ấp Vĩnh Hòa',
    'Ấp Tân Thuận', 'Ấp Bình Thành',
  ],
};

// prettier-ignore
export const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hùng Vương', 'Lý Thường Kiệt', 'Quang Trung', 'Hai Bà Trưng',
  'Nguyễn Du', 'Phan Đình Phùng', 'Lê Duẩn', 'Võ Nguyên Giáp', 'Điện Biên Phủ', 'Trường Chinh', 'Ngô Quyền',
  'Phan Bội Châu', 'Tôn Đức Thắng', 'Nguyễn Văn Cừ', 'Kim Đồng',
] as const;

/** What an organisation does, by kind and sector: "Hợp tác xã {activity} {proper name}". */
// prettier-ignore
export const ACTIVITIES: Record<Kind, Partial<Record<Sector, readonly string[]>>> = {
  HTX: {
    agriculture: [
      'Nông nghiệp', 'Dịch vụ Nông nghiệp', 'Nông nghiệp Dịch vụ', 'Nông nghiệp Tổng hợp', 'Chăn nuôi',
      'Trồng trọt và Chăn nuôi', 'Sản xuất Kinh doanh Dịch vụ Nông nghiệp', 'Nông lâm nghiệp',
    ],
    industry_handicraft: [
      'Mây tre đan', 'Dệt thổ cẩm', 'Cơ khí', 'Chế biến Nông sản', 'Chế biến Gỗ', 'Mộc Mỹ nghệ',
      'Sản xuất Hương', 'Rèn', 'May mặc', 'Chế biến Thực phẩm',
    ],
    construction: [
      'Xây dựng', 'Xây dựng Tổng hợp', 'Xây dựng và Vật liệu Xây dựng', 'Sản xuất Gạch không nung', 'Khai thác Đá',
    ],
    trade_services: ['Thương mại Dịch vụ', 'Dịch vụ Tổng hợp', 'Du lịch Cộng đồng', 'Thương mại', 'Kinh doanh Tổng hợp'],
    transport: ['Vận tải', 'Vận tải Hành khách', 'Dịch vụ Vận tải', 'Vận tải Ô tô', 'Xe khách'],
    environment: ['Vệ sinh Môi trường', 'Môi trường và Dịch vụ Đô thị', 'Thu gom Rác thải', 'Nước sạch'],
    other: ['Dịch vụ Điện năng', 'Điện', 'Tư vấn và Dịch vụ', 'Giáo dục Mầm non'],
  },
  THT: {
    agriculture: [
      'Nuôi ong', 'Trồng rau an toàn', 'Chăn nuôi Lợn', 'Nuôi cá', 'Sản xuất Lúa', 'Trồng Nấm',
      'Trồng cây ăn quả', 'Chăn nuôi Gà', 'Chăn nuôi Bò', 'Sản xuất Nông nghiệp',
    ],
    industry_handicraft: ['Mây tre đan', 'Dệt thổ cẩm', 'Mộc', 'Chế biến Nông sản', 'May', 'Làm bánh'],
    construction: ['Xây dựng', 'Thợ Nề', 'Sản xuất Gạch'],
    trade_services: ['Dịch vụ Thương mại', 'Dịch vụ', 'Du lịch Homestay'],
    transport: ['Vận tải', 'Vận chuyển Hàng hóa'],
    environment: ['Thu gom Rác', 'Vệ sinh Môi trường'],
    other: ['Dịch vụ'],
  },
  LHHTX: {
    agriculture: ['Nông nghiệp', 'Dịch vụ Nông nghiệp', 'Rau an toàn', 'Nông sản'],
    industry_handicraft: ['Thủ công Mỹ nghệ', 'Chế biến Nông sản'],
    trade_services: ['Thương mại', 'Thương mại Dịch vụ'],
    transport: ['Vận tải'],
  },
};

/** Regional agricultural products, mixed into agricultural names. */
// prettier-ignore
export const REGIONAL_PRODUCTS: Record<Region, readonly string[]> = {
  mountain: ['Chè', 'Miến dong', 'Thạch đen', 'Hạt dẻ', 'Dược liệu', 'Chăn nuôi Dê', 'Trồng Quế', 'Trồng Hồi', 'Gạo nếp'],
  delta: ['Rau an toàn', 'Hoa và Cây cảnh', 'Lúa giống', 'Bưởi', 'Nhãn', 'Bò sữa', 'Nấm', 'Nuôi trồng Thủy sản'],
  central: ['Cam', 'Bưởi Phúc Trạch', 'Hươu sao', 'Lúa chất lượng cao', 'Khai thác Thủy sản', 'Muối', 'Chè', 'Lạc'],
  highlands: ['Cà phê', 'Hồ tiêu', 'Sầu riêng', 'Ca cao', 'Mắc ca', 'Điều', 'Bơ', 'Nông nghiệp Công nghệ cao'],
  south: ['Lúa gạo', 'Lúa chất lượng cao', 'Nuôi cá Tra', 'Nuôi trồng Thủy sản', 'Xoài', 'Rau màu', 'Thốt nốt', 'Nấm rơm'],
};

/** Family names with rough national weights; regional names are added by region. */
// prettier-ignore
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Phan', 4.5], ['Vũ', 3.9],
  ['Võ', 2.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.8], ['Đào', 0.7], ['Cao', 0.5], ['Trương', 0.6], ['Mai', 0.4], ['Lương', 0.4], ['Tạ', 0.2],
];
// prettier-ignore
export const REGIONAL_FAMILY_NAMES: Partial<Record<Region, readonly string[]>> = {
  mountain: ['Nông', 'Hoàng', 'Lương', 'Bế', 'Đàm', 'Lục', 'Triệu', 'Hà', 'Ma', 'Lò', 'Lầu', 'Sùng', 'Hứa', 'La'],
  south: ['Huỳnh', 'Huỳnh', 'Lâm', 'Trương', 'Châu', 'Thái'],
};
// prettier-ignore
export const MIDDLE_NAMES = {
  male: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Trọng', 'Đình', 'Tiến'],
  female: ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Kim', 'Hồng'],
} as const;
// prettier-ignore
export const GIVEN_NAMES = {
  male: [
    'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Cường', 'Thắng', 'Quân', 'Long', 'Sơn', 'Thành', 'Hòa',
    'Bình', 'Tú', 'Trung', 'Phong', 'Khánh', 'Hiếu', 'Đạt', 'Lâm', 'Tâm', 'Tùng', 'Hưng', 'Vinh', 'Quý',
    'Hậu', 'Lộc', 'Toàn', 'Thịnh',
  ],
  female: [
    'Lan', 'Hương', 'Hoa', 'Mai', 'Hạnh', 'Thảo', 'Nga', 'Hằng', 'Dung', 'Linh', 'Trang', 'Huyền', 'Phương',
    'Yến', 'Thủy', 'Loan', 'Nhung', 'Tuyết', 'Vân', 'Hiền',
  ],
} as const;
/** Ê Đê names in the Central Highlands: "Y Bih Niê", "H'Hen Êban". */
// prettier-ignore
export const EDE_NAMES = {
  male: ['Y Bih', 'Y Jút', 'Y Ngông', 'Y Khuê', 'Y Blô', 'Y Sơn', 'Y Thuột', 'Y Wang'],
  female: ["H'Hen", "H'Luân", "H'Ngơn", "H'Zưi", "H'Mai", "H'Bla"],
  clans: ['Niê', 'Êban', 'Mlô', 'Ktla', 'Ayun', 'Byă', 'Kbuôr', 'Adrơng', 'Knul', 'Hwing'],
} as const;

/** Mobile prefixes (Viettel, Vinaphone, Mobifone) and a few provincial landline area codes. */
// prettier-ignore
export const MOBILE_PREFIXES = [
  '086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039',
  '088', '091', '094', '081', '082', '083', '084', '085', '089', '090', '093', '070', '076', '077', '078', '079',
] as const;
// prettier-ignore
export const AREA_CODES: Record<string, string> = { '01': '024', '04': '0206', '42': '0239', '66': '0262', '91': '0296', '79': '028' };

// prettier-ignore
export const STATUS_NOTES = {
  founded: ['Đăng ký thành lập', 'Thành lập mới', 'Chuyển đổi theo Luật Hợp tác xã'],
  suspended: ['Tạm ngừng hoạt động theo thông báo của HTX', 'Thiếu vốn, tạm ngừng sản xuất', 'Tạm ngừng do thiên tai, dịch bệnh'],
  resumed: ['Hoạt động trở lại', 'Tiếp tục hoạt động sau thời gian tạm ngừng'],
  dissolving: ['Đang làm thủ tục giải thể'],
  dissolved: ['Giải thể theo Nghị quyết Đại hội thành viên', 'Giải thể, đã xóa tên trong sổ đăng ký'],
  revoked: ['Bị thu hồi giấy chứng nhận đăng ký'],
  bankrupt: ['Tuyên bố phá sản theo quyết định của Tòa án'],
  reorganized: ['Sáp nhập vào hợp tác xã khác', 'Hợp nhất với hợp tác xã trong xã'],
} as const;
