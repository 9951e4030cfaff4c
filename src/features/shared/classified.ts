import { normalize, stripInvisible } from '../../kernel/text.js';

// State-secret markings (Luật Bảo vệ bí mật nhà nước): "Mật", "Tối mật", "Tuyệt mật". Such content must
// never go through a chat app. "mặt" (face, front) and "mật" (secret) differ only by diacritics, so text
// typed with diacritics is read with them ("mặt trận" passes); only text typed without any diacritics
// falls back to the diacritics-free forms.

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** Nouns that a marking follows: "tài liệu mật", "văn bản mật", "dấu mật". */
const markedNouns = [
  'tài liệu',
  'văn bản',
  'hồ sơ',
  'công văn',
  'báo cáo',
  'thông tin',
  'nội dung',
  'dấu',
  'bản',
  'tin',
  'thư',
];
/** Words after "mật" that make an ordinary compound: "mật khẩu", "mật mã", "mật thiết", "mật ong", "mật độ". */
const compounds = ['khẩu', 'mã', 'thiết', 'ong', 'độ', 'báo', 'thám'];

const rx = (source: string, flags = 'u') => new RegExp(source, flags);
const notCompound = (words: string[]) => `(?!\\s+(?:${words.join('|')})${E})`;

const accented: RegExp[] = [
  rx(`${B}(?:tối|tuyệt)\\s+mật${E}`),
  rx(`${B}độ\\s+mật${E}${notCompound(compounds)}`),
  rx(`${B}(?:${markedNouns.join('|')})\\s+mật${E}${notCompound(compounds)}`),
  rx(`[([]\\s*mật\\s*[)\\]]`),
];
/** All-caps "MẬT" as a stamp, except in "BÍ MẬT", "BẢO MẬT" and ordinary compounds. */
const stampAccented = rx(`${B}(?<!(?:BÍ|BẢO)\\s+)MẬT${E}${notCompound(compounds.map((w) => w.toUpperCase()))}`);

const plainNouns = markedNouns.map(normalize);
const plainCompounds = [...compounds.map(normalize), 'tran', 'bang', 'hang', 'trai', 'phai', 'truoc', 'sau', 'nay'];
const plain: RegExp[] = [
  rx(`${B}(?:toi|tuyet)\\s+mat${E}`),
  rx(`${B}do\\s+mat${E}${notCompound(plainCompounds)}`),
  rx(`${B}(?:${plainNouns.join('|')})\\s+mat${E}${notCompound(plainCompounds)}`),
  rx(`[([]\\s*mat\\s*[)\\]]`),
];
const stampPlain = rx(`${B}(?<!(?:BI|BAO)\\s+)MAT${E}${notCompound(plainCompounds.map((w) => w.toUpperCase()))}`);

function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f]/.test(text.normalize('NFD')) || /[đĐ]/.test(text);
}

/** Whether the text carries a secrecy marking. */
export function hasClassifiedMarking(text: string): boolean {
  const composed = stripInvisible(text).normalize('NFC');
  if (hasDiacritics(composed)) {
    const lower = composed.toLowerCase();
    return accented.some((p) => p.test(lower)) || stampAccented.test(composed);
  }
  const lower = composed.toLowerCase().replace(/\s+/g, ' ');
  return plain.some((p) => p.test(lower)) || stampPlain.test(composed);
}
