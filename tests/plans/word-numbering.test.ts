import { describe, expect, it } from 'vitest';
import { planDraftText } from '../../src/messages/index.js';
import { draftPlan, extractText } from '../../src/plans/draft/index.js';
import { docxOf, facts, numberedDocxOf, seedOf, shipped } from '../support/seed-documents.js';

describe("numbers made by Word's own lists", () => {
  it('are written back into the text, so a Word-numbered plan drafts like the typed one', async () => {
    const text = await extractText(await numberedDocxOf(seedOf('cam-thanh')), 'cam-thanh.docx');
    if (!text.ok) throw new Error(text.error);
    expect(text.text).toContain('III. NHIỆM VỤ THỰC HIỆN');
    expect(text.text).toContain('4. Công chức Tư pháp');
    expect(text.listLabels).toBeGreaterThan(20);
    const draft = draftPlan(text.text, { fileName: 'cam-thanh.docx', listLabels: text.listLabels });
    if (!draft.ok) throw new Error(draft.error);
    expect(facts(draft.plan)).toEqual(facts(shipped('cam-thanh')));
    expect(draft.doubts).toContain(planDraftText.doubt.wordNumbering(text.listLabels!));
  });

  it('restart the arabic count under each roman heading and leave typed numbers alone', async () => {
    const text = await extractText(await numberedDocxOf(seedOf('cam-thanh')), 'cam-thanh.docx');
    if (!text.ok) throw new Error(text.error);
    // "1. Mục đích." under I, and "1. Đề nghị Ban Tuyên giáo" again under III.
    expect(text.text.match(/^1\. /gmu)).toHaveLength(2);
    const typed = await extractText(await docxOf(seedOf('cam-thanh')), 'cam-thanh.docx');
    expect(typed.ok && typed.listLabels).toBeFalsy();
  });

  it('without them the items are lost, which is why the labels are rebuilt', async () => {
    const text = await extractText(await numberedDocxOf(seedOf('cam-thanh')), 'cam-thanh.docx');
    if (!text.ok) throw new Error(text.error);
    const stripped = text.text.replace(/^(?:[IVX]+\.|\d+\.|[a-z]\)|-) /gmu, '');
    const draft = draftPlan(stripped, { fileName: 'cam-thanh.docx' });
    expect(draft.ok && facts(draft.plan)).not.toEqual(facts(shipped('cam-thanh')));
  });
});
