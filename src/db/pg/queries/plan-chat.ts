import { eq } from 'drizzle-orm';
import type { ChatImport, ChatImportResult } from '../../queries/plan-chat.js';
import { pgTransaction, type PgDb } from '../client.js';
import { networks } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { writePlan } from './plans.js';
import { insertRoleGrant } from './roles.js';

/**
 * Imports a plan drafted in the chat, as `daumoi plan import` does, and in the same transaction: the admin of a
 * new network, the audit entry and the end of the conversation. A new network never overwrites an existing one.
 */
export async function importPlanFromChat(db: PgDb, input: ChatImport): Promise<ChatImportResult> {
  const { plan, actorPersonId, at } = input;
  const networkId = plan.network.id;
  return pgTransaction(db, async (tx): Promise<ChatImportResult> => {
    const [exists] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId));
    if (!input.replaces && exists) return { ok: false, reason: 'taken' };
    if (input.replaces && (!exists || input.replaces !== networkId)) return { ok: false, reason: 'gone' };
    const result = await writePlan(tx, plan, actorPersonId, at);
    const created = !input.replaces;
    if (created) await insertRoleGrant(tx, { personId: actorPersonId, networkId, role: 'admin', actorPersonId, at });
    await appendAudit(tx, {
      actorPersonId,
      action: 'plan.chat-import',
      detail: {
        networkId,
        file: input.fileName,
        replaced: !created,
        unchanged: result.unchanged,
        ...(input.edits?.length ? { edits: input.edits } : {}),
      },
      at,
    });
    await applyConversationWrite(tx, input.conversation);
    return { ok: true, created, ...result };
  });
}
