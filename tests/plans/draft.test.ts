import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { normalize } from '../../src/kernel/text.js';
import { planDraftText } from '../../src/messages/index.js';
import { draftPlan, extractText, maxDraftBytes } from '../../src/plans/draft/index.js';
import { parsePlan } from '../../src/plans/parse.js';
import { docxOf, facts, font, pdfOf, seeds, seedText, shipped, textPdf } from '../support/seed-documents.js';

async function draftFrom(data: Buffer, fileName: string) {
  const text = await extractText(data, fileName);
  if (!text.ok) throw new Error(text.error);
  const draft = draftPlan(text.text, { fileName });
  if (!draft.ok) throw new Error(draft.error);
  return draft;
}

describe('drafting the five seed documents', () => {
  const formats = [
    { name: 'txt', make: (text: string) => Promise.resolve(Buffer.from(text)) },
    { name: 'docx', make: docxOf },
    { name: 'pdf', make: textPdf },
  ];
  for (const seed of seeds)
    for (const format of formats)
      it(`gives the agencies, tasks and sections of plans/${seed.plan}.yaml from the .${format.name}`, async () => {
        const draft = await draftFrom(await format.make(seedText(seed.file)), `${seed.plan}.${format.name}`);
        const expected = facts(shipped(seed.plan));
        const got = facts(draft.plan);
        expect(got.agencies).toEqual(expected.agencies);
        expect(got.tasks).toEqual(expected.tasks);
        expect(got.inactive).toEqual(expected.inactive);
        expect(got.receivers).toEqual(expected.receivers.slice(0, got.receivers.length));
        expect(draft.plan.duties.length > 0).toBe(expected.receivers.length > 0);
        expect(draft.plan.network.id).toBe(seed.plan);
        expect(parsePlan(draft.yaml, 'draft.yaml').ok).toBe(true);
      });

  it('keeps task wording verbatim, joining a sentence broken across a page', async () => {
    const draft = await draftFrom(Buffer.from(seedText(seeds[1]!.file)), 'vp.txt');
    const e = draft.plan.tasks.find((t) => t.section === '2.e')!;
    expect(e.text).toContain('kịp thời kiến nghị Chủ tịch UBND tỉnh thành lập Tổ công tác');
    const expected = shipped('vinh-phuc').tasks.find((t) => t.section === '2.e')!;
    expect(normalize(e.text)).toBe(normalize(expected.text));
  });

  it('reads the header: issuer, blank number and date, subject', async () => {
    const { plan, doubts } = await draftFrom(Buffer.from(seedText(seeds[0]!.file)), 'ts.txt');
    expect(plan.documents[0]).toMatchObject({ number: '/UBND-VX', issuer: 'UBND huyện Tây Sơn' });
    expect(plan.documents[0]!.subject).toMatch(/^Triển khai thực hiện Chỉ thị số 07\/CT-TTg/);
    expect(plan.network).toMatchObject({ name: 'Huyện Tây Sơn', level: 'district' });
    expect(doubts).toContain(planDraftText.doubt.numberBlank('/UBND-VX'));
    expect(doubts).toContain(planDraftText.doubt.dateBlank);
  });

  it('takes the Cẩm Thành reporting duty with its deadline and receiver', async () => {
    const { plan } = await draftFrom(Buffer.from(seedText(seeds[2]!.file)), 'ct.txt');
    expect(plan.duties).toHaveLength(1);
    expect(plan.duties[0]).toMatchObject({
      frequency: 'yearly',
      deadline: { day: 13, month: 12, wording: 'trước ngày 13/12' },
      receiver: 'UBND xã (qua công chức văn hóa - xã hội)',
      receiverAgency: 'cong-chuc-vhxh',
    });
  });

  it('gives a deadline only where the document sets one, not to the dates of cited documents', async () => {
    const { plan } = await draftFrom(Buffer.from(seedText(seeds[3]!.file)), 'bd.txt');
    expect(plan.tasks.filter((t) => t.deadline).map((t) => [t.section, t.deadline])).toEqual([['1.1', '2022-04-29']]);
    const vp = await draftFrom(Buffer.from(seedText(seeds[1]!.file)), 'vp.txt');
    expect(vp.plan.tasks.filter((t) => t.deadline)).toEqual([]);
  });

  it('keeps a cut-off text and flags it', async () => {
    const text = seedText(seeds[1]!.file);
    const cut = text.slice(0, text.indexOf('triển khai các nhiệm vụ được giao tại Kế hoạch số 4765'));
    const draft = draftPlan(cut, { fileName: 'cut.txt' });
    if (!draft.ok) throw new Error(draft.error);
    expect(draft.plan.tasks.at(-1)!.section).toBe('4.b');
    expect(draft.doubts).toContain(planDraftText.doubt.cutOff);
    expect(draft.doubts).toContain(planDraftText.doubt.taskCutOff('4.b'));
  });
});

describe('daumoi plan draft', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { env: {}, out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  }

  it('writes a plan that plan validate accepts and prints the review summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-draft-'));
    const docx = join(dir, 'vinh-phuc.docx');
    writeFileSync(docx, await docxOf(seedText(seeds[1]!.file)));
    const out = join(dir, 'draft.yaml');
    const run = io();
    expect(await runCli(['plan', 'draft', docx, '--out', out, '--id', 'vinh-phuc-moi'], run.io)).toBe(0);
    const summary = run.out.join('\n');
    expect(summary).toContain('Bản nháp kế hoạch: Tỉnh Vĩnh Phúc (vinh-phuc-moi), cấp tỉnh');
    expect(summary).toContain('14 cơ quan');
    expect(summary).toContain('18 nhiệm vụ');
    expect(summary).toContain('Chế độ báo cáo: Báo cáo kết quả triển khai thực hiện');
    expect(summary).toMatch(/Cần xem lại \(\d+\):\n {2}1\. /);
    const check = io();
    expect(await runCli(['plan', 'validate', out], check.io)).toBe(0);
    expect(check.out.join('\n')).toContain('hợp lệ: mạng lưới Tỉnh Vĩnh Phúc (vinh-phuc-moi)');
  });

  const t = planDraftText;
  const cases: { name: string; file: string; make: () => Promise<Buffer> | Buffer; message: string }[] = [
    {
      name: 'a scanned PDF without a text layer',
      file: 'scan.pdf',
      make: () => pdfOf((doc) => doc.rect(50, 50, 400, 600).fill('#888')),
      message: t.noTextLayer,
    },
    {
      name: 'an encrypted PDF',
      file: 'locked.pdf',
      make: () => pdfOf((doc) => doc.font(font).text(seedText(seeds[0]!.file)), { userPassword: 'mat-khau' }),
      message: t.encrypted,
    },
    { name: 'a broken PDF', file: 'broken.pdf', make: () => Buffer.from('%PDF-1.7\nrác rác rác'), message: t.broken('PDF') },
    { name: 'a broken Word file', file: 'broken.docx', make: () => Buffer.from('PK\u0003\u0004 hỏng'), message: t.broken('Word (.docx)') },
    { name: 'a spreadsheet', file: 'bang.xlsx', make: () => Buffer.from('PK'), message: t.spreadsheet },
    {
      name: 'a document with no numbered tasks',
      file: 'giay-moi.txt',
      make: () => Buffer.from('GIẤY MỜI\n\nKính mời đồng chí dự họp lúc 8 giờ ngày 5/12/2026 tại hội trường.\n'),
      message: t.noTasks,
    },
  ];
  for (const c of cases)
    it(`refuses ${c.name} with a clear message and writes nothing`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'daumoi-draft-'));
      const file = join(dir, c.file);
      writeFileSync(file, await c.make());
      const out = join(dir, 'out.yaml');
      const run = io();
      expect(await runCli(['plan', 'draft', file, '--out', out], run.io)).toBe(1);
      expect(run.err).toEqual([c.message, t.nothingWritten]);
      expect(existsSync(out)).toBe(false);
    });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-draft-'));
    const file = join(dir, 'to.txt');
    writeFileSync(file, '');
    truncateSync(file, maxDraftBytes + 1);
    const out = join(dir, 'out.yaml');
    const run = io();
    expect(await runCli(['plan', 'draft', file, '--out', out], run.io)).toBe(1);
    expect(run.err[0]).toBe(t.tooBig(10));
    expect(existsSync(out)).toBe(false);
  });
});
