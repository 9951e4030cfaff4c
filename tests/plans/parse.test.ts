import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/kernel/text.js';
import { loadActivityTypeCatalog, mergeActivityTypes } from '../../src/plans/activity-types.js';
import { formatPlanErrors, parsePlan, type PlanError } from '../../src/plans/parse.js';
import type { Plan, PlanTask } from '../../src/kernel/plan.js';

const planUrl = (name: string) => new URL(`../../plans/${name}`, import.meta.url);
const fixtureUrl = (name: string) => new URL(`../fixtures/plans/${name}`, import.meta.url);
const minimal = readFileSync(fixtureUrl('minimal.yaml'), 'utf8');

function shipped(name: string): Plan {
  const result = parsePlan(readFileSync(planUrl(`${name}.yaml`), 'utf8'), `plans/${name}.yaml`);
  if (!result.ok) throw new Error(formatPlanErrors(result.errors, `plans/${name}.yaml`).join('\n'));
  return result.plan;
}

function errorsOf(text: string, fileName = 'plans/x.yaml'): PlanError[] {
  const result = parsePlan(text, fileName);
  if (result.ok) throw new Error('the plan was expected to be refused');
  return result.errors;
}

function fixtureErrors(name: string): { text: string; errors: PlanError[] } {
  const text = readFileSync(fixtureUrl(name), 'utf8');
  return { text, errors: errorsOf(text, `tests/fixtures/plans/${name}`) };
}

/** 1-based line of the only line containing `snippet`. */
function lineOf(text: string, snippet: string): number {
  const lines = text.split('\n');
  const matches = lines.flatMap((line, i) => (line.includes(snippet) ? [i + 1] : []));
  if (matches.length !== 1) throw new Error(`"${snippet}" is on ${matches.length} lines`);
  return matches[0]!;
}

/** The minimal plan with one edit; fails loudly if the edit does not apply. */
function edited(from: string, to: string): string {
  if (!minimal.includes(from)) throw new Error(`not in minimal.yaml: ${from}`);
  return minimal.replace(from, to);
}

const sectionsOf = (tasks: PlanTask[]) => tasks.map((task) => task.section);
const tasksOf = (plan: Plan, agencyId: string) =>
  plan.tasks.filter((task) => task.agencies !== 'all' && task.agencies.includes(agencyId));
const tasksForAll = (plan: Plan) => plan.tasks.filter((task) => task.agencies === 'all');

const englishWords = /\b(expected|invalid|required|received|must|input)\b/i;

describe('shipped plans', () => {
  it.each([
    ['tay-son', 2, 5, 0],
    ['vinh-phuc', 14, 18, 1],
    ['cam-thanh', 6, 17, 1],
    ['binh-dinh', 7, 9, 2],
    ['hoa-binh', 4, 6, 0],
  ])('%s parses with %i agencies, %i tasks and %i reporting duties', (name, agencies, tasks, duties) => {
    const plan = shipped(name);
    expect(plan.network.id).toBe(name);
    expect(plan.agencies).toHaveLength(agencies);
    expect(plan.tasks).toHaveLength(tasks);
    expect(plan.duties).toHaveLength(duties);
  });

  it('gives Vĩnh Phúc tasks 1.a to 1.đ to all agencies and 4.a, 4.b only to Sở Tư pháp', () => {
    const plan = shipped('vinh-phuc');
    expect(sectionsOf(tasksForAll(plan))).toEqual(['1.a', '1.b', '1.c', '1.d', '1.đ']);
    expect(sectionsOf(tasksOf(plan, 'so-tu-phap'))).toEqual(['4.a', '4.b']);
    expect(sectionsOf(tasksOf(plan, 'so-tttt'))).toEqual(['2.a', '2.b', '2.c', '2.d', '2.đ', '2.e']);
    expect(sectionsOf(tasksOf(plan, 'van-phong-ubnd'))).toEqual(['3']);
    expect(sectionsOf(tasksOf(plan, 'so-noi-vu'))).toEqual(['5']);
    expect(sectionsOf(tasksOf(plan, 'so-ngoai-vu'))).toEqual(['6']);
    expect(sectionsOf(tasksOf(plan, 'so-tai-chinh'))).toEqual(['7']);
    for (const press of ['bao-vinh-phuc', 'dai-ptth-vinh-phuc', 'tap-chi-van-nghe', 'cong-ttdt-tinh']) {
      expect(sectionsOf(tasksOf(plan, press))).toEqual(['8']);
    }
  });

  it('names the Vĩnh Phúc agencies with ids, short names and abbreviations', () => {
    const plan = shipped('vinh-phuc');
    const ids = plan.agencies.map((agency) => agency.id);
    expect(ids).toEqual(expect.arrayContaining([
      'so-tu-phap', 'so-tttt', 'van-phong-ubnd', 'so-noi-vu', 'so-ngoai-vu', 'so-tai-chinh', 'bao-vinh-phuc',
      'dai-ptth-vinh-phuc', 'tap-chi-van-nghe', 'cong-ttdt-tinh', 'ubnd-cap-huyen',
    ]));
    const justice = plan.agencies.find((agency) => agency.id === 'so-tu-phap');
    expect(justice).toMatchObject({ name: 'Sở Tư pháp', kind: 'so', active: true });
    expect(justice?.aliases).toEqual(expect.arrayContaining(['STP', 'Sở TP']));
  });

  it('keeps task wording verbatim, joining the line the scan broke in Vĩnh Phúc 2.e', () => {
    const plan = shipped('vinh-phuc');
    const task = plan.tasks.find((t) => t.section === '2.e');
    expect(task?.text).toContain('để thực hiện hiệu quả công tác truyền thông chính sách; kịp thời kiến nghị Chủ tịch UBND tỉnh');
    expect(task?.text.endsWith('các sự cố, khủng hoảng truyền thông.')).toBe(true);
  });

  it.each(['vinh-phuc', 'binh-dinh', 'hoa-binh'])(
    'records in %s that Sở TT&TT handed press work to Sở VHTTDL on 1/3/2025',
    (name) => {
      const plan = shipped(name);
      const ict = plan.agencies.find((agency) => agency.id === 'so-tttt');
      expect(ict?.active).toBe(false);
      expect(ict?.successor).toMatchObject({ agency: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', since: '2025-03-01' });
      expect(ict?.successor?.note).toContain('Sở Khoa học và Công nghệ');
      expect(ict?.successor?.note).not.toContain('chưa kiểm chứng'); // a note is shown to users
      expect(plan.agencies.some((agency) => agency.id === 'so-vhttdl' && agency.active)).toBe(true);
    },
  );

  it.each(['vinh-phuc', 'binh-dinh', 'hoa-binh'])('keeps province %s active with a note on the 1/7/2025 merger', (name) => {
    const network = shipped(name).network;
    expect(network).toMatchObject({ level: 'province', active: true });
    expect(network.note).toContain('1/7/2025');
    expect(network.note).not.toContain('chưa kiểm chứng');
  });

  it('marks Tây Sơn as a district that no longer exists, without reporting duties', () => {
    const plan = shipped('tay-son');
    expect(plan.network).toMatchObject({ level: 'district', active: false, parent: 'binh-dinh' });
    expect(plan.network.note).toContain('1/7/2025');
    expect(sectionsOf(tasksForAll(plan))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('asks Vĩnh Phúc agencies for a yearly report to UBND tỉnh via Sở TT&TT, due 15/12 by the network’s choice', () => {
    const [duty] = shipped('vinh-phuc').duties;
    expect(duty).toMatchObject({
      reporters: 'all', receiverAgency: 'so-tttt', frequency: 'yearly', deadline: { day: 15, month: 12 }, template: 'bao-cao-nam',
    });
    expect(duty?.note).toContain('định kỳ hoặc đột xuất');
    expect(duty?.note).toContain('có thể sửa');
  });

  it('gives Cẩm Thành commune officials their sections and a yearly report before 13/12', () => {
    const plan = shipped('cam-thanh');
    expect(plan.network.level).toBe('commune');
    expect(sectionsOf(tasksOf(plan, 'ban-tuyen-giao'))).toEqual(['III.1']);
    expect(sectionsOf(tasksOf(plan, 'cong-chuc-van-phong'))).toEqual(['III.2']);
    expect(sectionsOf(tasksOf(plan, 'cong-chuc-vhxh'))).toEqual(['III.3.1', 'III.3.2', 'III.3.3']);
    expect(sectionsOf(tasksOf(plan, 'cong-chuc-tu-phap'))).toEqual(['III.4.1', 'III.4.2']);
    expect(sectionsOf(tasksOf(plan, 'cong-chuc-tai-chinh'))).toEqual(['III.5']);
    expect(sectionsOf(tasksForAll(plan))).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'III.6.1', 'III.6.2', 'III.6.3']);
    expect(plan.duties[0]).toMatchObject({
      reporters: 'all', receiverAgency: 'cong-chuc-vhxh', frequency: 'yearly',
      deadline: { day: 13, month: 12, wording: 'trước ngày 13/12' },
    });
  });

  it('sets the Bình Định staffing review as a one-off duty due 29/4/2022 and Sở Tư pháp leading item 2', () => {
    const plan = shipped('binh-dinh');
    const review = plan.duties.find((duty) => duty.frequency === 'once');
    expect(review?.deadline).toEqual({ date: '2022-04-29', wording: 'trước ngày 29/4/2022' });
    expect(plan.tasks.find((task) => task.section === '1.1')?.deadline).toBe('2022-04-29');
    const item2 = plan.tasks.filter((task) => task.section === '2');
    expect(item2.map((task) => [task.agencies, task.role])).toEqual([[['so-tu-phap'], 'lead'], [['so-tttt'], 'coordinate']]);
  });

  it('sources Hòa Bình from the news article and sets no reporting duty', () => {
    const plan = shipped('hoa-binh');
    expect(plan.documents[0]?.source).toContain('congluan.vn');
    expect(sectionsOf(tasksOf(plan, 'so-tttt'))).toEqual(['đoạn 6']);
  });

  it.each(['tay-son', 'vinh-phuc', 'cam-thanh', 'binh-dinh', 'hoa-binh'])(
    'gives %s a yearly report template following outline I-V',
    (name) => {
      const template = shipped(name).templates.find((t) => t.id === 'bao-cao-nam');
      const questions = template?.questions ?? [];
      expect(new Set(questions.map((q) => q.section))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V']));
      expect(questions.some((q) => q.type === 'yesno' && q.section === 'I')).toBe(true);
      expect(questions.some((q) => q.type === 'tasks' && q.section === 'II')).toBe(true);
      expect(questions.find((q) => q.type === 'choice')?.options).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu']);
      expect(questions.flatMap((q) => q.prefill ?? [])).toEqual(
        expect.arrayContaining(['hop-bao', 'tin-bai-cong-tt', 'bai-mxh', 'tap-huan', 'lay-y-kien-du-thao']),
      );
      expect(questions.find((q) => q.marks === 'proposal')?.optional).toBe(true);
      expect(questions.find((q) => q.marks === 'difficulty')?.optional).toBe(true);
      expect(questions.find((q) => q.id === 'kinh-phi')).toMatchObject({ type: 'number', optional: true });
    },
  );
});

describe('plan format documentation', () => {
  it('shows an annotated example that is itself a valid plan', () => {
    const doc = readFileSync(new URL('../../docs/plan-format.md', import.meta.url), 'utf8');
    const example = /## Annotated example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = parsePlan(example, 'docs/plan-format.md.yaml');
    expect(result.ok ? [] : formatPlanErrors(result.errors, 'example')).toEqual([]);
  });
});

describe('broken plans', () => {
  it('reports a wrong type with its path, line and value', () => {
    const { text, errors } = fixtureErrors('wrong-type.yaml');
    expect(errors).toEqual([{
      path: 'network.active', line: lineOf(text, 'active: "có"'),
      message: 'phải là true hoặc false, không phải chuỗi văn bản (đang là "có")',
    }]);
  });

  it('reports a missing field at the item that lacks it', () => {
    const { text, errors } = fixtureErrors('missing-field.yaml');
    expect(errors).toEqual([{ path: 'tasks[1].text', line: lineOf(text, '- id: nv-2'), message: 'thiếu trường bắt buộc' }]);
  });

  it('reports an unknown agency in a task as a file:line line', () => {
    const { text, errors } = fixtureErrors('unknown-agency.yaml');
    const line = lineOf(text, 'so-abc');
    expect(formatPlanErrors(errors, 'plans/x.yaml')).toEqual([
      `plans/x.yaml:${line} tasks[1].agencies: cơ quan "so-abc" không có trong danh sách agencies`,
    ]);
  });

  it('reports a duplicate id where it is repeated, naming the first use', () => {
    const { text, errors } = fixtureErrors('duplicate-id.yaml');
    expect(errors).toEqual([{
      path: 'tasks[1].id', line: lineOf(text, 'section: "2"') - 2, message: 'mã "nv-1" bị trùng (đã dùng ở tasks[0])',
    }]);
  });

  it('reports a date that does not exist', () => {
    const { text, errors } = fixtureErrors('bad-date.yaml');
    expect(errors).toEqual([{
      path: 'tasks[0].deadline', line: lineOf(text, '2022-02-30'), message: 'ngày không tồn tại (đang là "2022-02-30")',
    }]);
  });

  it('reports a date in the wrong format', () => {
    const errors = errorsOf(edited('    agencies: all\n', '    agencies: all\n    deadline: 29/4/2022\n'));
    expect(errors).toEqual([expect.objectContaining({ path: 'tasks[0].deadline', message: expect.stringContaining('YYYY-MM-DD') })]);
  });

  it('reports only the first YAML syntax error, in Vietnamese', () => {
    const { text, errors } = fixtureErrors('yaml-syntax.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', line: lineOf(text, '   section: "2"') });
    expect(errors[0]?.message).toMatch(/^lỗi cú pháp YAML: /);
    expect(formatPlanErrors(errors, 'a.yaml')[0]).toMatch(/^a\.yaml:\d+: lỗi cú pháp YAML/);
  });

  it('writes every schema message in Vietnamese', () => {
    const errors = [
      'wrong-type.yaml', 'missing-field.yaml', 'unknown-agency.yaml', 'duplicate-id.yaml', 'bad-date.yaml', 'yaml-syntax.yaml',
    ].flatMap((name) => fixtureErrors(name).errors);
    const schemaErrors = errorsOf('network: 5\ndocuments: []\nagencies: [{ id: X, kind: so }]\ntasks: {}\nduties: 3\n');
    for (const error of [...errors, ...schemaErrors]) expect(error.message).not.toMatch(englishWords);
    expect(schemaErrors.map((e) => e.path)).toEqual(expect.arrayContaining(['network', 'documents', 'agencies[0].id', 'agencies[0].name', 'tasks', 'duties']));
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const text = edited('    agencies: all\n', '    agencies: all\n    deadine: 2022-04-29\n');
    expect(errorsOf(text)).toEqual([{
      path: 'tasks[0].deadine', line: lineOf(text, 'deadine'), message: 'trường không được hỗ trợ (kiểm tra chính tả tên trường)',
    }]);
  });

  it('suggests quotes when a number is given where text is expected', () => {
    const errors = errorsOf(edited('section: "1"', 'section: 1'));
    expect(errors[0]).toMatchObject({ path: 'tasks[0].section' });
    expect(errors[0]?.message).toContain('dấu nháy kép');
  });

  it('explains that agencies must be "all" or a list', () => {
    const errors = errorsOf(edited('agencies: all', 'agencies: tat-ca'));
    expect(errors).toEqual([expect.objectContaining({
      path: 'tasks[0].agencies', message: 'phải là "all" hoặc danh sách (đang là "tat-ca")',
    })]);
  });

  it.each([
    ['tasks[0].document', 'văn bản "kh-khac" không có', 'document: ke-hoach\n    section: "1"', 'document: kh-khac\n    section: "1"'],
    ['duties[0].receiverAgency', 'cơ quan "ubnd-xa" không có', 'receiverAgency: cong-chuc-vhxh', 'receiverAgency: ubnd-xa'],
    ['duties[0].reporters', 'cơ quan "so-abc" không có', 'reporters: all', 'reporters: [cong-chuc-vhxh, so-abc]'],
    ['duties[0].template', 'mẫu báo cáo "bao-cao-quy" không có', 'template: bao-cao', 'template: bao-cao-quy'],
    ['templates[0].questions[0].prefill[1]', 'loại hoạt động "hop-kin" không có', 'prefill: [hop-bao]', 'prefill: [hop-bao, hop-kin]'],
    ['templates[0].questions[1].options', 'cần ít nhất 2 lựa chọn', '        options: [Tốt, Khá, Trung bình, Yếu]\n', ''],
    ['templates[0].questions[0].prefill', 'chỉ câu hỏi loại number', 'type: number', 'type: text'],
    ['duties[0].deadline', 'hạn báo cáo hằng năm cần có day và month', '      month: 12\n', ''],
    ['agencies[1].name', 'trùng với cơ quan "cong-chuc-vhxh"', 'aliases: [VHXH]', 'aliases: [VHXH, Công chức Tư pháp]'],
    ['network.parent', 'chính nó', '  level: commune\n', '  level: commune\n  parent: thu-nghiem\n'],
  ])('refuses a broken cross-reference at %s', (path, message, from, to) => {
    const errors = errorsOf(edited(from, to));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toContain(message);
    expect(errors[0]?.line).toBeGreaterThan(0);
  });

  it('accepts a valid day of a yearly deadline and refuses 31 in a 30-day month', () => {
    expect(parsePlan(edited('day: 13', 'day: 31'), 'x.yaml').ok).toBe(true);
    const errors = errorsOf(edited('day: 13\n      month: 12', 'day: 31\n      month: 4'));
    expect(errors).toEqual([{ path: 'duties[0].deadline.day', line: lineOf(minimal, 'day: 13'), message: 'ngày 31/4 không tồn tại' }]);
  });

  it('refuses a successor that is not an agency of the plan', () => {
    const text = edited(
      '    kind: cong-chuc\n  - id: cong-chuc-tu-phap',
      '    kind: cong-chuc\n    successor:\n      agency: so-moi\n      name: Cơ quan mới\n      note: Sáp nhập\n  - id: cong-chuc-tu-phap',
    );
    expect(errorsOf(text)).toEqual([{ path: 'agencies[0].successor.agency', line: lineOf(text, 'so-moi'), message: 'cơ quan "so-moi" không có trong danh sách agencies' }]);
  });

  it('knows activity types the plan adds itself and checks their keywords are diacritics-free', () => {
    const added = edited('prefill: [hop-bao]', 'prefill: [hop-dan]') + 'activityTypes:\n  - id: hop-dan\n    name: Họp dân\n    keywords: [hop dan]\n';
    expect(parsePlan(added, 'x.yaml').ok).toBe(true);
    const accented = added.replace('keywords: [hop dan]', 'keywords: [Họp dân]');
    expect(errorsOf(accented)).toEqual([expect.objectContaining({
      path: 'activityTypes[0].keywords[0]', message: 'từ khóa "Họp dân" phải viết thường, không dấu (ví dụ "hop dan")',
    })]);
  });

  it('refuses a file that is not YAML by its name', () => {
    expect(errorsOf(minimal, 'ke-hoach.docx')).toEqual([{ path: '', message: 'tệp "ke-hoach.docx" không phải tệp YAML (cần đuôi .yaml hoặc .yml)' }]);
  });

  it('refuses an empty file with one Vietnamese message', () => {
    const errors = errorsOf('');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('');
    expect(errors[0]?.message).toContain('phải là');
  });
});

describe('activity types', () => {
  const catalog = loadActivityTypeCatalog();

  it('covers every activity type of the domain list', () => {
    expect(catalog.map((type) => type.id)).toEqual(expect.arrayContaining([
      'hop-bao', 'tin-bai-cong-tt', 'bai-mxh', 'phong-van', 'thong-cao', 'giao-ban-bao-chi', 'cai-chinh-tin-gia',
      'lay-y-kien-du-thao', 'dat-hang-bao-chi', 'tap-huan', 'ke-hoach-truyen-thong', 'nhan-su-phat-ngon', 'kinh-phi',
      'theo-doi-du-luan', 'xu-ly-khung-hoang', 'doi-thoai-toa-dam', 'thong-tin-co-so',
    ]));
    expect(new Set(catalog.map((type) => type.id)).size).toBe(catalog.length);
  });

  it('writes every keyword in normalized form', () => {
    for (const keyword of catalog.flatMap((type) => type.keywords)) expect(normalize(keyword)).toBe(keyword);
  });

  it.each([
    ['Tổ chức họp báo quý III', 'hop-bao'],
    ['Đăng 12 tin, bài trên Cổng thông tin điện tử huyện', 'tin-bai-cong-tt'],
    ['Đăng bài trên Fanpage và Zalo OA của xã', 'bai-mxh'],
    ['Trả lời phỏng vấn Đài PT-TH tỉnh', 'phong-van'],
    ['Ban hành thông cáo báo chí về giá điện', 'thong-cao'],
    ['Cung cấp thông tin tại giao ban báo chí tháng 5', 'giao-ban-bao-chi'],
    ['Cải chính tin sai sự thật trên mạng', 'cai-chinh-tin-gia'],
    ['Đăng dự thảo nghị quyết để lấy ý kiến nhân dân', 'lay-y-kien-du-thao'],
    ['Ký hợp đồng đặt hàng Báo Vĩnh Phúc', 'dat-hang-bao-chi'],
    ['Tập huấn kỹ năng phát ngôn cho 40 cán bộ', 'tap-huan'],
    ['Ban hành kế hoạch truyền thông năm 2025', 'ke-hoach-truyen-thong'],
    ['Kiện toàn người phát ngôn của UBND xã', 'nhan-su-phat-ngon'],
    ['Bố trí kinh phí 20 triệu đồng', 'kinh-phi'],
    ['Rà quét, theo dõi dư luận trên mạng xã hội', 'theo-doi-du-luan'],
    ['Xử lý khủng hoảng truyền thông vụ ngộ độc', 'xu-ly-khung-hoang'],
    ['Tổ chức tọa đàm về chuyển đổi số', 'doi-thoai-toa-dam'],
    ['Phát trên loa truyền thanh và bảng tin điện tử', 'thong-tin-co-so'],
  ])('recognises "%s" as %s', (phrase, typeId) => {
    const text = normalize(phrase);
    const type = catalog.find((t) => t.id === typeId);
    expect(type?.keywords.some((keyword) => text.includes(keyword))).toBe(true);
  });

  it('lets a plan replace a catalog entry and add its own after the catalog', () => {
    const merged = mergeActivityTypes(catalog, [
      { id: 'hop-bao', name: 'Họp báo, gặp mặt báo chí', keywords: ['gap mat bao chi'] },
      { id: 'hop-dan', name: 'Họp dân', keywords: ['hop dan'] },
    ]);
    expect(merged).toHaveLength(catalog.length + 1);
    expect(merged[0]).toEqual({ id: 'hop-bao', name: 'Họp báo, gặp mặt báo chí', keywords: ['gap mat bao chi'] });
    expect(merged.at(-1)?.id).toBe('hop-dan');
    expect(mergeActivityTypes(catalog)).toEqual(catalog);
  });
});
