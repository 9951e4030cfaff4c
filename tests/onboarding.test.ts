import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, listOutgoing } from '../db/index.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const group = { id: 'nhom-vp', title: 'Mạng lưới Vĩnh Phúc' };
const codeIn = (text: string) => /: ([A-Z0-9]{8})\n/.exec(text)?.[1] ?? '';

describe('done when: bind, invite, register, ask', () => {
  it('an officer invited to Sở Tư pháp registers with the code and gets 4.a, 4.b and 1.a–1.đ with sections', async () => {
    t = await createTestApp();
    expect(await t.sayText('admin', '/thietlap Vĩnh Phúc', { group })).toContain('Đã gắn nhóm "Mạng lưới Vĩnh Phúc" với mạng lưới Tỉnh Vĩnh Phúc');
    const invite = await t.sayText('admin', '/moi Sở Tư pháp Vĩnh Phúc');
    expect(invite).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    const code = codeIn(invite);
    expect(code).toHaveLength(8);
    expect(await t.sayText('lan', `/dangky ${code}`, { name: 'Nguyễn Thị Lan' })).toContain('Đăng ký thành công! Bạn là cán bộ đầu mối của Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    const answer = await t.sayText('lan', 'tôi phải làm gì?');
    console.log(answer);
    const sections = [...answer.matchAll(/^\d+\. Mục (\S+) \(văn bản \/UBND-TH2\)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['4.a', '4.b', '1.a', '1.b', '1.c', '1.d', '1.đ']);
  });
});
