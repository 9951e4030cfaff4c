import { describe, expect, it } from 'vitest';
import { draftPlan, extractText } from '../../src/plans/draft/index.js';
import { ownDocuments, score } from '../support/plan-key.js';
import { docxOf, numberedDocxOf, textPdf } from '../support/seed-documents.js';

// The documents made to vary the layout (tests/fixtures/plan-documents: a kế hoạch I. / 1. / a) / -, a công văn
// with "Giao ... chủ trì", bullets without numbers) draft as their answer keys say, in every format the bench
// measures (npm run bench:import).

const formats = [
  { name: 'txt', make: (text: string) => Promise.resolve(Buffer.from(text)) },
  { name: 'docx', make: docxOf },
  { name: 'docx', label: 'docx with Word lists', make: numberedDocxOf },
  { name: 'pdf', make: textPdf },
];

describe('drafting the documents made for the benchmark', () => {
  const documents = ownDocuments();
  it('has at least the three layouts', () => {
    expect(documents.map((d) => d.name)).toEqual(['cong-van-gach-dau-dong', 'cong-van-giao-chu-tri', 'ke-hoach-phuong-an-hai']);
  });
  for (const doc of documents)
    for (const format of formats)
      it(`drafts ${doc.name} from the ${format.label ?? `.${format.name}`} as its key says`, async () => {
        const text = await extractText(await format.make(doc.text), `${doc.name}.${format.name}`);
        if (!text.ok) throw new Error(text.error);
        const draft = draftPlan(text.text, { fileName: `${doc.name}.${format.name}` });
        if (!draft.ok) throw new Error(draft.error);
        const s = score(draft.plan, doc.key);
        expect(s).toMatchObject({ drafted: s.expected, matched: s.expected, rolesRight: s.expected, networkRight: true });
        expect(s).toMatchObject({ deadlinesFound: s.deadlinesExpected, deadlinesWrong: 0 });
        expect(s).toMatchObject({ dutiesFound: s.dutiesExpected, dutiesExtra: 0 });
      });

  it('reads a quarterly deadline stated inside the period, and a dated report with no period as one to send once', () => {
    const [bullets, giao] = documents;
    const quarterly = draftPlan(giao!.text, { fileName: 'a.txt' });
    const once = draftPlan(bullets!.text, { fileName: 'b.txt' });
    if (!quarterly.ok || !once.ok) throw new Error('not drafted');
    expect(quarterly.plan.duties[0]).toMatchObject({ frequency: 'quarterly', deadline: { day: 20, wording: 'trước ngày 20 tháng cuối quý' } });
    expect(once.plan.duties[0]).toMatchObject({ frequency: 'once', deadline: { date: '2025-09-25' } });
    expect(once.doubts).toContain('Văn bản không nêu kỳ báo cáo, chỉ nêu hạn "trước ngày 25/9/2025": đã coi là báo cáo một lần (mạng lưới có thể sửa).');
    // "Sở VHTTDL" is the Sở Văn hóa, Thể thao và Du lịch of item 1, and "phối hợp với Sở Nội vụ" makes it a partner.
    expect(quarterly.plan.agencies.filter((a) => a.id.startsWith('so-vhttdl'))).toHaveLength(1);
    expect(quarterly.plan.tasks.find((t) => t.role === 'coordinate')).toMatchObject({ section: '1', agencies: ['so-noi-vu'] });
  });
});
