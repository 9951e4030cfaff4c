// Generated shape, kept by hand: each SQLite query module paired with its PostgreSQL twin (see dialect.ts).
// Everything a SQLite module exports passes through; its db functions are replaced by ones that follow the handle.
import { dialects } from './dialect.js';
import * as peopleSqlite from './queries/people.js';
import * as peoplePg from './pg/queries/people.js';
import * as conversationsSqlite from './queries/conversations.js';
import * as conversationsPg from './pg/queries/conversations.js';
import * as inboundSqlite from './queries/inbound.js';
import * as inboundPg from './pg/queries/inbound.js';
import * as auditSqlite from './queries/audit.js';
import * as auditPg from './pg/queries/audit.js';
import * as outboxSqlite from './queries/outbox.js';
import * as outboxPg from './pg/queries/outbox.js';
import * as outboxStaleSqlite from './queries/outbox-stale.js';
import * as outboxStalePg from './pg/queries/outbox-stale.js';
import * as groupsSqlite from './queries/groups.js';
import * as groupsPg from './pg/queries/groups.js';
import * as plansSqlite from './queries/plans.js';
import * as plansPg from './pg/queries/plans.js';
import * as agenciesSqlite from './queries/agencies.js';
import * as agenciesPg from './pg/queries/agencies.js';
import * as membershipsSqlite from './queries/memberships.js';
import * as membershipsPg from './pg/queries/memberships.js';

export * from './queries/people.js';
export const { ensureActor, findActorByPerson } = dialects(peopleSqlite, peoplePg);

export * from './queries/conversations.js';
export const { findConversation, saveConversation, deleteIdleConversations, saveMenu, findMenu } = dialects(
  conversationsSqlite,
  conversationsPg,
);

export * from './queries/inbound.js';
export const {
  recordInbound,
  recordInboundBatch,
  markInboundDone,
  markInboundHandled,
  listUnfinishedInbound,
  pruneInbound,
} = dialects(inboundSqlite, inboundPg);

export * from './queries/audit.js';
export const { listAudit } = dialects(auditSqlite, auditPg);

export * from './queries/outbox.js';
export const {
  enqueueOutgoing,
  claimDueOutgoing,
  markOutgoingSent,
  rescheduleOutgoing,
  markOutgoingFailed,
  releaseInterruptedOutgoing,
  countOutgoing,
  listOutgoing,
} = dialects(outboxSqlite, outboxPg);

export * from './queries/outbox-stale.js';
export const { dropStaleOutgoing } = dialects(outboxStaleSqlite, outboxStalePg);

export * from './queries/groups.js';
export const { bindGroup, findGroup, listNetworkGroups, migrateGroupChat } = dialects(groupsSqlite, groupsPg);

export * from './queries/plans.js';
export const { importPlan, listNetworks, countNetworks } = dialects(plansSqlite, plansPg);

export * from './queries/agencies.js';
export const { findAgencyBySlug, findAgencyById, listAgencies, searchAgencies, findAgencyWithNetwork } = dialects(
  agenciesSqlite,
  agenciesPg,
);

export * from './queries/memberships.js';
export const {
  insertActiveMembership,
  insertMembershipRequest,
  findMembershipRequest,
  listPendingRequests,
  decideMembershipRequest,
} = dialects(membershipsSqlite, membershipsPg);
