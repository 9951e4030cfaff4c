import type { Coordination } from '../kernel/instances.js';
import { DatabaseError } from './client.js';
import type { AnyDb, PgDb } from './dialect.js';
import { openPgCoordination } from './pg/coordination.js';
import * as pg from './pg/queries/instances.js';

// Several instances exist only on PostgreSQL: SQLite gets no coordination, and these functions are called only
// by code that was given one.

export type { StrandedInbound } from './pg/queries/instances.js';

/** The instance's coordination session on PostgreSQL; undefined on SQLite (one process, nothing to share). */
export async function openCoordination(db: AnyDb, onLost: (error: Error) => void): Promise<Coordination | undefined> {
  return db.dialect === 'pg' ? openPgCoordination(db, onLost) : undefined;
}

function onPg<A extends unknown[], R>(fn: (db: PgDb, ...args: A) => Promise<R>) {
  return (db: AnyDb, ...args: A): Promise<R> => {
    if (db.dialect !== 'pg') return Promise.reject(new DatabaseError(`${fn.name} runs on PostgreSQL only`));
    return fn(db, ...args);
  };
}

export const claimLeasedOutgoing = onPg(pg.claimLeasedOutgoing);
export const takeOverOutgoing = onPg(pg.takeOverOutgoing);
export const releaseOwnOutgoing = onPg(pg.releaseOwnOutgoing);
export const assignInboundChat = onPg(pg.assignInboundChat);
export const listChatInbound = onPg(pg.listChatInbound);
export const listStrandedInbound = onPg(pg.listStrandedInbound);
export const claimLeasedJobRun = onPg(pg.claimLeasedJobRun);
export const renewJobLease = onPg(pg.renewJobLease);
export const finishJobLease = onPg(pg.finishJobLease);
export const takeOverJobRuns = onPg(pg.takeOverJobRuns);
