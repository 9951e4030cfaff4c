import type { PlanQuestion, networkLevels } from './plan.js';

// Everything the document renderers need, as plain data. The database layer fills it; the renderers
// (chart, workbook, report draft) are pure functions of it. Dates are instants; renderers show them in
// Asia/Ho_Chi_Minh.

export type AnswerValue = string | number | boolean | null;
export type AgencyStatus = 'on-time' | 'late' | 'missing';
export type TaskStatus = 'done' | 'in-progress' | 'not-started';
export type IssueKind = 'difficulty' | 'proposal';
/** Report outline section a question feeds: I-V of the report body, PL the annex of figures. */
export type ReportSection = NonNullable<PlanQuestion['section']>;

export interface ExportIssuer {
  /** Upper-case line of the governing body, printed above `name` in regular weight ("UBND TỈNH VĨNH PHÚC"). */
  parent?: string;
  /** Upper-case name of the issuing body ("ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC"); a "\n" forces a line break. */
  name: string;
  /** Abbreviation used in the document number "Số: .../BC-<abbreviation>" ("UBND"). */
  abbreviation?: string;
}

export interface ExportSigner {
  /** "KT. CHỦ TỊCH"; empty when the head signs. */
  authority: string;
  /** "PHÓ CHỦ TỊCH". */
  title: string;
  name?: string;
}

export interface ExportNetwork {
  id: string;
  name: string;
  level: (typeof networkLevels)[number];
  issuer: ExportIssuer;
  /** Place name in the date line: "Vĩnh Phúc, ngày 05 tháng 01 năm 2027". */
  place: string;
  /** Addressees for "Kính gửi:" (reports sent upward); omitted when empty. */
  recipients?: string[];
  signer?: ExportSigner;
}

export interface ExportPeriod {
  key: string;
  /** Reads after a noun: "năm 2026", "quý IV năm 2026", "tháng 11/2026". */
  label: string;
  start: Date;
  end: Date;
  deadline: Date;
}

export interface ExportAgency {
  id: string;
  name: string;
  status: AgencyStatus;
  submittedAt?: Date;
  submissionNo?: string;
  /** Names of the agency's active officers (its contact points). */
  officers?: string[];
}

export interface ExportQuestion {
  id: string;
  section?: ReportSection;
  prompt: string;
  type: PlanQuestion['type'];
  /** Answers to marked questions reach the report through `issues`, so the body skips them. */
  marks?: IssueKind;
}

export interface ExportTaskStatus {
  section: string;
  text: string;
  status: TaskStatus;
  note?: string;
}

export interface ExportSubmission {
  agencyId: string;
  agencyName: string;
  submittedAt: Date;
  late: boolean;
  version: number;
  /** Keyed by question id. */
  answers: Record<string, AnswerValue>;
  taskStatuses: ExportTaskStatus[];
}

export interface ExportActivity {
  id: string;
  agencyName: string;
  typeName: string;
  date: Date;
  title: string;
  link?: string;
  quantity?: number;
  participants?: number;
}

export interface TypeCount {
  typeName: string;
  current: number;
  previous: number;
}

export interface AgencyCounts {
  agencyName: string;
  /** Keyed by activity type name. */
  byType: Record<string, number>;
  total: number;
}

export interface MonthCount {
  /** "2026-11". */
  month: string;
  count: number;
}

export interface ExportIssue {
  agencyName: string;
  kind: IssueKind;
  text: string;
}

export interface ChildNetworkSummary {
  name: string;
  submitted: number;
  expected: number;
  activities: number;
}

export interface ExportData {
  network: ExportNetwork;
  period: ExportPeriod;
  generatedAt: Date;
  agencies: ExportAgency[];
  questions: ExportQuestion[];
  submissions: ExportSubmission[];
  activities: ExportActivity[];
  countsByType: TypeCount[];
  countsByAgency: AgencyCounts[];
  activitiesByMonth: MonthCount[];
  issues: ExportIssue[];
  children?: ChildNetworkSummary[];
}
