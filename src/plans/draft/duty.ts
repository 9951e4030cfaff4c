// The reporting duty: a "CHẾ ĐỘ BÁO CÁO" section, or a sentence such as "định kỳ hoặc đột xuất báo cáo kết
// quả ... về UBND tỉnh (qua Sở ...)" / "báo cáo ... gửi UBND xã qua công chức ... trước ngày 13/12".
// Frequency, deadline and receiver as worded; what the document leaves out is the network's choice, flagged.

import type { Frequency } from '../../kernel/plan.js';
import { findDeadline, findPeriodDeadline, type Deadline, type PeriodDeadline } from './deadlines.js';
import { sentence } from './header.js';

export interface FoundDuty {
  title: string;
  receiver: string;
  /** The agency named after "qua", or the receiver itself, to match against the plan's agencies. */
  via: string;
  frequency?: Frequency;
  deadline?: Deadline;
  /** A deadline stated inside each period, for monthly, quarterly and half-year duties. */
  inPeriod?: PeriodDeadline;
  source: string;
}

const reportPhrase = /(?<!tổng hợp,?\s)(?:gửi thông tin,\s*)?báo cáo\s+(?:kết quả|tình hình|về việc|việc)/iu;
const receiverRe = /\s(?:gửi|về|cho)\s+(?!việc\b)(.+?)(?=\s+(?:trước ngày|theo quy định|để|trong|định kỳ|chậm nhất)(?=[\s,.;:]|$)|[./;]|$)/u;

export function findDuty(text: string): FoundDuty | undefined {
  const phrase = reportPhrase.exec(text);
  if (!phrase) return undefined;
  const rest = text.slice(phrase.index);
  const receiver = receiverRe.exec(rest);
  if (!receiver?.[1]) return undefined;
  const raw = receiver[1].trim();
  const qua = /^(.+?)\s+\(?qua\s+(.+?)\)?$/u.exec(raw);
  const display = qua?.[1] && qua[2] ? `${qua[1]} (qua ${qua[2]})` : raw;
  const titleEnd = rest.indexOf(receiver[0]);
  const title = sentence(rest.slice(0, titleEnd).replace(/^gửi thông tin,\s*/iu, ''));
  const deadline = findDeadline(rest);
  const inPeriod = findPeriodDeadline(rest);
  return {
    ...(inPeriod ? { inPeriod } : {}),
    title,
    receiver: display,
    via: qua?.[2] ?? raw,
    ...frequencyOf(text),
    ...(deadline ? { deadline } : {}),
    source: text,
  };
}

function frequencyOf(text: string): { frequency?: Frequency } {
  if (/h[ằà]ng năm|mỗi năm|định kỳ năm/iu.test(text)) return { frequency: 'yearly' };
  if (/6 tháng|sáu tháng/iu.test(text)) return { frequency: 'half-year' };
  if (/h[ằà]ng quý|định kỳ quý|mỗi quý/iu.test(text)) return { frequency: 'quarterly' };
  if (/h[ằà]ng tháng|mỗi tháng/iu.test(text)) return { frequency: 'monthly' };
  return {};
}
