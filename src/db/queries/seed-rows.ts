import type { Period } from '../../kernel/calendar/periods.js';
import { vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';

// Single rows for tests and the bulk seeder: periods, submissions with their issues, activities, roles,
// written directly instead of through the conversations that normally write them.

export function upsertPeriod(db: Db, dutyId: number, period: Period): number {
  db.sqlite
    .prepare('INSERT OR IGNORE INTO periods (duty_id, key, label, start, "end", deadline) VALUES (?, ?, ?, ?, ?, ?)')
    .run(dutyId, period.key, period.label, vnDateKey(period.start), vnDateKey(period.end), vnDateKey(period.deadline));
  const row = db.sqlite.prepare('SELECT id FROM periods WHERE duty_id = ? AND key = ?').get(dutyId, period.key) as {
    id: number;
  };
  return row.id;
}

export interface SeedSubmissionRow {
  periodId: number;
  agencyId: number;
  personId: number;
  answers: Record<string, unknown>;
  late: boolean;
  submittedAt: Date;
  issues?: { kind: 'difficulty' | 'proposal'; text: string }[];
}

/** A new current version of an agency's submission; the previous version stays, no longer current. */
export function insertSubmissionRow(db: Db, row: SeedSubmissionRow): number {
  const last = db.sqlite
    .prepare('SELECT max(version) AS v FROM submissions WHERE period_id = ? AND agency_id = ?')
    .get(row.periodId, row.agencyId) as { v: number | null };
  const version = (last.v ?? 0) + 1;
  db.sqlite
    .prepare('UPDATE submissions SET current = 0 WHERE period_id = ? AND agency_id = ?')
    .run(row.periodId, row.agencyId);
  const inserted = db.sqlite
    .prepare(
      `INSERT INTO submissions (period_id, agency_id, version, current, number, person_id, answers, attachments, submitted_at, late)
    VALUES (?, ?, ?, 1, ?, ?, ?, '[]', ?, ?)`,
    )
    .run(
      row.periodId,
      row.agencyId,
      version,
      `${row.periodId}.${row.agencyId}.${version}`,
      row.personId,
      JSON.stringify(row.answers),
      row.submittedAt.getTime(),
      row.late ? 1 : 0,
    );
  const id = Number(inserted.lastInsertRowid);
  const issue = db.sqlite.prepare('INSERT INTO report_issues (submission_id, kind, text) VALUES (?, ?, ?)');
  for (const entry of row.issues ?? []) issue.run(id, entry.kind, entry.text);
  return id;
}

export interface SeedActivityRow {
  networkId: string;
  agencyId: number;
  personId: number;
  typeId: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  title?: string;
  deleted?: boolean;
}

export function insertActivityRows(db: Db, rows: SeedActivityRow[], at: Date): void {
  const insert = db.sqlite
    .prepare(`INSERT INTO activities (network_id, agency_id, author_person_id, type_id, date, title, attachments, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`);
  transaction(db, () => {
    for (const r of rows) {
      insert.run(
        r.networkId,
        r.agencyId,
        r.personId,
        r.typeId,
        r.date,
        r.title ?? r.typeId,
        at.getTime(),
        r.deleted ? at.getTime() : null,
      );
    }
  });
}

export function insertRoleRow(db: Db, personId: number, networkId: string, role: 'admin' | 'leader', at: Date): void {
  db.sqlite
    .prepare('INSERT OR IGNORE INTO roles (person_id, network_id, role, created_at) VALUES (?, ?, ?, ?)')
    .run(personId, networkId, role, at.getTime());
}
