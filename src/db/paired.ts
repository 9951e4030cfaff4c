// Generated shape, kept by hand: each SQLite query module paired with its PostgreSQL twin (see dialect.ts).
// Everything a SQLite module exports passes through; its db functions are replaced by ones that follow the handle.
import { dialects, type AnyDb } from './dialect.js';
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
import * as planChatSqlite from './queries/plan-chat.js';
import * as planChatPg from './pg/queries/plan-chat.js';
import * as agenciesSqlite from './queries/agencies.js';
import * as agenciesPg from './pg/queries/agencies.js';
import * as membershipsSqlite from './queries/memberships.js';
import * as membershipsPg from './pg/queries/memberships.js';
import * as rolesSqlite from './queries/roles.js';
import * as rolesPg from './pg/queries/roles.js';
import * as invitesSqlite from './queries/invites.js';
import * as invitesPg from './pg/queries/invites.js';
import * as accessSqlite from './queries/access.js';
import * as accessPg from './pg/queries/access.js';
import * as personLookupSqlite from './queries/person-lookup.js';
import * as personLookupPg from './pg/queries/person-lookup.js';
import * as tasksSqlite from './queries/tasks.js';
import * as tasksPg from './pg/queries/tasks.js';
import * as successionSqlite from './queries/succession.js';
import * as successionPg from './pg/queries/succession.js';
import * as fileLinksSqlite from './queries/file-links.js';
import * as fileLinksPg from './pg/queries/file-links.js';
import * as activitiesSqlite from './queries/activities.js';
import * as activitiesPg from './pg/queries/activities.js';
import * as activityTasksSqlite from './queries/activity-tasks.js';
import * as activityTasksPg from './pg/queries/activity-tasks.js';
import * as remindersSqlite from './queries/reminders.js';
import * as remindersPg from './pg/queries/reminders.js';
import * as reportsSqlite from './queries/reports.js';
import * as reportsPg from './pg/queries/reports.js';
import * as reportDraftsSqlite from './queries/report-drafts.js';
import * as reportDraftsPg from './pg/queries/report-drafts.js';
import * as reportSubmissionsSqlite from './queries/report-submissions.js';
import * as reportSubmissionsPg from './pg/queries/report-submissions.js';
import * as reportHistorySqlite from './queries/report-history.js';
import * as reportHistoryPg from './pg/queries/report-history.js';
import * as linksSqlite from './queries/links.js';
import * as linksPg from './pg/queries/links.js';
import * as statusSqlite from './queries/status.js';
import * as statusPg from './pg/queries/status.js';
import * as statusLookupSqlite from './queries/status-lookup.js';
import * as statusLookupPg from './pg/queries/status-lookup.js';
import * as exportRowsSqlite from './queries/export-rows.js';
import * as exportRowsPg from './pg/queries/export-rows.js';
import * as retentionSqlite from './queries/retention.js';
import * as retentionPg from './pg/queries/retention.js';
import * as joinStatesSqlite from './queries/join-states.js';
import * as joinStatesPg from './pg/queries/join-states.js';
import * as webSessionsSqlite from './queries/web-sessions.js';
import * as webSessionsPg from './pg/queries/web-sessions.js';
import * as webViewsSqlite from './queries/web-views.js';
import * as webViewsPg from './pg/queries/web-views.js';
import * as agencyImportSqlite from './queries/agency-import.js';
import * as agencyImportPg from './pg/queries/agency-import.js';
import * as bulkInvitesSqlite from './queries/bulk-invites.js';
import * as bulkInvitesPg from './pg/queries/bulk-invites.js';
import * as handoversSqlite from './queries/handovers.js';
import * as handoversPg from './pg/queries/handovers.js';

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
export const {
  bindGroup,
  findGroup,
  findGroupBinding,
  listNetworkGroups,
  markGroupLeft,
  isRegisteredIdentity,
  rememberGroupHint,
  migrateGroupChat,
} = dialects(groupsSqlite, groupsPg);

export * from './queries/plans.js';
export const { importPlan, listNetworks, countNetworks } = dialects(plansSqlite, plansPg);

export * from './queries/plan-chat.js';
export const { importPlanFromChat } = dialects(planChatSqlite, planChatPg);

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

export * from './queries/roles.js';
export const { grantRole, revokeRole, findPeopleByHandle, listPrivateChats, listNetworkAdminChats } = dialects(
  rolesSqlite,
  rolesPg,
);

export * from './queries/invites.js';
export const { insertInvite, redeemInvite, listOpenInvites, findInvite, cancelInvite } = dialects(
  invitesSqlite,
  invitesPg,
);

export * from './queries/access.js';
export const {
  listAgencyOfficers,
  findActiveMembership,
  endMembership,
  blockPerson,
  unblockPerson,
  isBlocked,
  checkBlock,
} = dialects(accessSqlite, accessPg);

export * from './queries/person-lookup.js';
export const { findPersonCard, findPersonByPlatformId } = dialects(personLookupSqlite, personLookupPg);

export * from './queries/tasks.js';
export const { listAgencyTasks, searchTasks, findTaskSections } = dialects(tasksSqlite, tasksPg);

export * from './queries/succession.js';
export const { listPredecessors } = dialects(successionSqlite, successionPg);

export * from './queries/file-links.js';
export const { pruneExpiredFileLinks, insertFileLink, findFileLink } = dialects(fileLinksSqlite, fileLinksPg);

export * from './queries/activities.js';
export const {
  insertActivity,
  findActivity,
  updateActivity,
  softDeleteActivity,
  listActivities,
  countActivitiesByType,
  findNetworkActivityTypes,
} = dialects(activitiesSqlite, activitiesPg);

export * from './queries/activity-tasks.js';
export const { findTaskForAgency, suggestTasksForAgency } = dialects(activityTasksSqlite, activityTasksPg);

export * from './queries/reminders.js';
const reminders = dialects(remindersSqlite, remindersPg);
export const {
  listReminderDuties,
  listReportingAgencies,
  listSubmittedAgencies,
  listOfficerChats,
  listLeaderChats,
  listLoggedReminders,
  cancelMootReminders,
  claimJobRun,
  releaseJobRun,
  setMutedUntil,
  findMutedUntil,
} = reminders;
// Generic: written out so the caller's reminder type passes through (the pairing's mapped type would erase it).
export function recordReminders<T extends remindersSqlite.ReminderToRecord>(
  db: AnyDb,
  list: T[],
  at: Date,
): Promise<T[]> {
  return db.dialect === 'pg'
    ? remindersPg.recordReminders(db, list, at)
    : remindersSqlite.recordReminders(db, list, at);
}

export * from './queries/reports.js';
export const { listAgencyDuties, ensurePeriod, findPeriodWithDuty, findTemplate, listReportTasks } = dialects(
  reportsSqlite,
  reportsPg,
);

export * from './queries/report-drafts.js';
export const { findDraft, createDraft, saveDraft, takeOverDraft, releaseDraft, discardDraft, listAgencyDrafts } =
  dialects(reportDraftsSqlite, reportDraftsPg);

export * from './queries/report-submissions.js';
export const {
  findCurrentSubmission,
  findSubmission,
  listSubmissionVersions,
  submitDraft,
  reopenSubmission,
  listReopenedReports,
} = dialects(reportSubmissionsSqlite, reportSubmissionsPg);

export * from './queries/report-history.js';
export const { listReportHistory, listAgencyOfficerChats } = dialects(reportHistorySqlite, reportHistoryPg);

export * from './queries/links.js';
export const {
  createLinkCode,
  checkLinkCode,
  redeemLinkCode,
  listLinkedChats,
  setPreferredPlatform,
  recordLinkDeclined,
} = dialects(linksSqlite, linksPg);

export * from './queries/status.js';
export const {
  listPeriodSubmissions,
  countNetworkTypeTotals,
  countNetworkAgencyTotals,
  countNetworkActivityCells,
  countAgencyTypeTotals,
  countNetworkActivities,
  countNetworkActivitiesByMonth,
  countPeriodReports,
  listPeriodIssues,
  sumAgencyActivityFigures,
} = dialects(statusSqlite, statusPg);

export * from './queries/status-lookup.js';
export const {
  findStatusNetwork,
  listStatusNetworks,
  listChildNetworks,
  listActiveDuties,
  listActiveAgencies,
  listExpectedAgencies,
} = dialects(statusLookupSqlite, statusLookupPg);

export * from './queries/export-rows.js';
export const {
  listAgencyNames,
  listAgencyOfficerNames,
  findTemplateQuestions,
  listSubmissionAnswers,
  listNetworkTaskTexts,
  listActivityExportRows,
} = dialects(exportRowsSqlite, exportRowsPg);

export * from './queries/retention.js';
export const { pruneFinishedOutbox } = dialects(retentionSqlite, retentionPg);

export * from './queries/join-states.js';
export const { listJoinStates, listStaleInvitedAgencies } = dialects(joinStatesSqlite, joinStatesPg);

export * from './queries/web-sessions.js';
export const { insertWebLogin, redeemWebLogin, findWebSession, endWebSession, checkWebLogin } = dialects(
  webSessionsSqlite,
  webSessionsPg,
);

export * from './queries/web-views.js';
export const { listNetworkOfficers } = dialects(webViewsSqlite, webViewsPg);

export * from './queries/agency-import.js';
export const { listImportableAgencies, applyAgencyImport } = dialects(agencyImportSqlite, agencyImportPg);

export * from './queries/bulk-invites.js';
export const { listInviteTargets, cancelReplacedInvites } = dialects(bulkInvitesSqlite, bulkInvitesPg);

export * from './queries/handovers.js';
export const {
  startHandover,
  findPendingHandover,
  listHandoversTo,
  listHandoversFrom,
  cancelHandover,
  completeHandover,
} = dialects(handoversSqlite, handoversPg);
