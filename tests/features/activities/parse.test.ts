import { describe, expect, it } from 'vitest';
import { hasClassifiedMarking } from '../../../src/features/shared/classified.js';
import { parseCounts } from '../../../src/features/activities/numbers.js';
import { parseLogText } from '../../../src/features/activities/parse-log.js';
import { parseListArgs } from '../../../src/features/activities/list-filter.js';
import { loadActivityTypeCatalog } from '../../../src/plans/activity-types.js';

const catalog = loadActivityTypeCatalog();
const now = new Date('2026-11-21T09:00:00+07:00'); // a Saturday

describe('one-line entries', () => {
  const oneLiners: [string, string][] = [
    ['hop-bao', 'họp báo hôm qua: Họp báo quý IV về dự thảo nghị quyết học phí'],
    ['tin-bai-cong-tt', 'đăng tin trên cổng thông tin điện tử hôm nay: Sở lấy ý kiến về thủ tục hành chính'],
    ['bai-mxh', 'bài đăng fanpage 12/11: Video giới thiệu Luật Tiếp cận thông tin'],
    ['phong-van', 'trả lời phỏng vấn Đài PT-TH hôm qua: Chính sách hỗ trợ người dân'],
    ['thong-cao', 'thông cáo báo chí 18/11: Kết quả kỳ họp HĐND'],
    ['giao-ban-bao-chi', 'giao ban báo chí thứ năm tuần trước: Cung cấp thông tin về học phí'],
    ['cai-chinh-tin-gia', 'cải chính tin sai hôm kia: Thông tin thu phí sai sự thật trên mạng'],
    ['lay-y-kien-du-thao', 'lấy ý kiến 10/11: Dự thảo nghị quyết về học phí năm học 2026-2027'],
    ['dat-hang-bao-chi', 'đặt hàng Báo Vĩnh Phúc 5/11: Chuyên mục pháp luật và đời sống'],
    ['tap-huan', 'tập huấn hôm qua: Kỹ năng phát ngôn cho cán bộ cấp xã'],
    ['ke-hoach-truyen-thong', 'ban hành kế hoạch truyền thông 1/11: Kế hoạch năm 2027'],
    ['nhan-su-phat-ngon', 'kiện toàn người phát ngôn 3/11: Quyết định giao Phó Giám đốc'],
    ['kinh-phi', 'bố trí kinh phí 4/11: Kinh phí truyền thông năm 2027'],
    ['theo-doi-du-luan', 'rà quét thông tin hôm qua: Báo cáo tuần về học phí'],
    ['xu-ly-khung-hoang', 'xử lý khủng hoảng truyền thông hôm kia: Vụ việc tại trường học'],
    ['doi-thoai-toa-dam', 'tọa đàm 15/11: Chính sách học phí mới'],
    ['thong-tin-co-so', 'loa truyền thanh hôm qua: Phát bản tin về bầu cử'],
  ];

  it('covers every type of the shipped catalog', () => {
    expect(new Set(oneLiners.map(([id]) => id))).toEqual(new Set(catalog.map((t) => t.id)));
  });

  it.each(oneLiners)('detects %s from its words, with a date and the text after the colon as title', (typeId, text) => {
    const guess = parseLogText(text, catalog, now);
    expect(guess.typeId).toBe(typeId);
    expect(guess.date).toMatch(/^2026-11-\d\d$/);
    expect(guess.title).toBe(text.slice(text.indexOf(':') + 1).trim());
    expect(guess.notes).toEqual([]);
  });

  it('takes the type named first when the title mentions another one', () => {
    const guess = parseLogText('họp báo hôm qua: Họp báo về dự thảo nghị quyết học phí', catalog, now);
    expect(guess).toMatchObject({ typeId: 'hop-bao', date: '2026-11-20' });
  });

  it("reads an entry without a colon, cutting the date and the officer's own subject out of the title", () => {
    const guess = parseLogText('hôm nay tôi tổ chức họp báo về học phí', catalog, now);
    expect(guess).toMatchObject({ typeId: 'hop-bao', date: '2026-11-21', title: 'Tổ chức họp báo về học phí' });
  });

  it('leaves the title open when the entry only names the type and the day', () => {
    expect(parseLogText('tập huấn hôm qua', catalog, now)).toMatchObject({
      typeId: 'tap-huan',
      date: '2026-11-20',
      title: null,
    });
  });

  it('moves a link out of the title and reads counts stated with units', () => {
    const guess = parseLogText('tập huấn hôm qua: 2 lớp cho 120 học viên https://sotp.gov.vn/a.', catalog, now);
    expect(guess).toMatchObject({
      link: 'https://sotp.gov.vn/a',
      quantity: 2,
      participants: 120,
      title: '2 lớp cho 120 học viên',
    });
  });

  it('does not take a date or a decree number for a count', () => {
    const guess = parseLogText('họp báo 12/11: Triển khai Nghị định 09/2017 và Quyết định 407', catalog, now);
    expect(guess).toMatchObject({ quantity: null, participants: null, date: '2026-11-12' });
  });
});

describe('dates in context', () => {
  it('reads "28/12" written in early January as last December', () => {
    const january = new Date('2027-01-02T08:00:00+07:00');
    expect(parseLogText('họp báo 28/12: Tổng kết năm', catalog, january).date).toBe('2026-12-28');
    expect(parseLogText('họp báo hôm qua: Tổng kết năm', catalog, new Date('2027-01-01T08:00:00+07:00')).date).toBe(
      '2026-12-31',
    );
  });

  it('accepts 29 February in a leap year and refuses it in other years', () => {
    const leap = new Date('2028-03-01T08:00:00+07:00');
    expect(parseLogText('tập huấn hôm qua: Kỹ năng phát ngôn', catalog, leap).date).toBe('2028-02-29');
    expect(parseLogText('tập huấn 29/2: Kỹ năng phát ngôn', catalog, leap).date).toBe('2028-02-29');
    const plain = parseLogText('tập huấn 29/2: Kỹ năng phát ngôn', catalog, new Date('2027-03-01T08:00:00+07:00'));
    expect(plain.date).toBeNull();
    expect(plain.notes.join()).toContain('không phải là ngày có thật');
  });

  it('refuses dates in the future or more than two years back, explaining why', () => {
    const tomorrow = parseLogText('họp báo ngày mai: Họp báo quý IV', catalog, now);
    expect(tomorrow.date).toBeNull();
    expect(tomorrow.notes.join()).toContain('22/11/2026 chưa tới');
    const old = parseLogText('họp báo 29/2/2024: Họp báo cũ', catalog, now);
    expect(old.date).toBeNull();
    expect(old.notes.join()).toContain('đã quá xa');
    expect(parseLogText('họp báo 22/11/2024: Họp báo', catalog, now).date).toBe('2024-11-22');
  });
});

describe('classified markings', () => {
  it.each([
    'Tài liệu MẬT về kế hoạch',
    'Độ mật: Mật',
    'TUYỆT MẬT',
    'báo cáo tối mật gửi UBND',
    '(Mật) Kế hoạch phòng thủ',
    'hồ sơ mật của Sở',
    'tai lieu toi mat',
    'van ban mat so 12',
    'MAT - ke hoach',
    'Độ mật: Tối mật',
  ])('refuses "%s"', (text) => {
    expect(hasClassifiedMarking(text)).toBe(true);
  });

  it.each([
    'Họp báo về Mặt trận Tổ quốc',
    'MẶT TRẬN TỔ QUỐC',
    'đổi mật khẩu cổng thông tin',
    'Tập huấn bảo vệ bí mật nhà nước',
    'BẢO VỆ BÍ MẬT NHÀ NƯỚC',
    'mật độ dân số',
    'gặp mặt báo chí đầu xuân',
    'hop bao mat tran to quoc',
    'MAT TRAN TO QUOC',
    'quan hệ mật thiết',
    'mức độ mật thiết',
    'Hôm nay tôi mất điện',
    'Thông tin mặt bằng giá',
  ])('accepts "%s"', (text) => {
    expect(hasClassifiedMarking(text)).toBe(false);
  });
});

describe('counts', () => {
  it('reads a bare number as people for a press conference and as items for a news post', () => {
    expect(parseCounts('30', 'hop-bao')).toEqual({ ok: true, counts: { quantity: null, participants: 30 } });
    expect(parseCounts('3', 'tin-bai-cong-tt')).toEqual({ ok: true, counts: { quantity: 3, participants: null } });
    expect(parseCounts('2 lớp, 1.200 học viên', 'tap-huan')).toEqual({
      ok: true,
      counts: { quantity: 2, participants: 1200 },
    });
    expect(parseCounts('bỏ qua', 'tap-huan')).toEqual({ ok: true, counts: { quantity: null, participants: null } });
  });

  it.each([
    ['-5', 'âm'],
    ['2,5', 'số nguyên'],
    ['2.5', 'số nguyên'],
    ['1000001', 'không hợp lý'],
    ['nhiều lắm', 'chưa thấy'],
    ['3 4', 'một số'],
  ])('refuses "%s"', (text, reason) => {
    const result = parseCounts(text, 'tap-huan');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(reason);
  });
});

describe('/nhatky arguments', () => {
  it('reads month, page and what is left for an agency or a type', () => {
    expect(parseListArgs('sở tư pháp họp báo tháng 11 trang 2', now)).toEqual({
      page: 2,
      month: { year: 2026, month: 11 },
      rest: 'so tu phap hop bao',
    });
    expect(parseListArgs('11/2025', now)).toEqual({ page: 1, month: { year: 2025, month: 11 }, rest: '' });
    expect(parseListArgs('tháng 12', now).month).toEqual({ year: 2025, month: 12 });
    expect(parseListArgs('dv:7 loai:hop-bao', now)).toEqual({ page: 1, agencyId: 7, typeId: 'hop-bao', rest: '' });
  });
});
