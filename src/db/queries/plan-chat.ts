import { eq } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Plan } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { networks } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { writePlan, type ImportResult } from './plans.js';
import { insertRoleGrant } from './roles.js';

export interface ChatImport {
  plan: Plan;
  actorPersonId: number;
  /** The document it was drafted from, for the audit log. */
  fileName: string;
  /** The existing network this plan replaces; null for a new network. */
  replaces: string | null;
  /** The fix-ups the admin made in the review, in order, for the audit entry. */
  edits?: Record<string, string>[];
  at: Date;
  conversation?: ConversationWrite;
}

export type ChatImportResult =
  | ({ ok: true; created: boolean } & ImportResult)
  /** taken: a new network's id is in use by now; gone: the network to replace no longer exists. */
  | { ok: false; reason: 'taken' | 'gone' };

/**
 * Imports a plan drafted in the chat, as `daumoi plan import` does (same refusals, thrown as PlanImportRefused),
 * and in the same transaction: the admin of a new network, the audit entry and the end of the conversation.
 * A new network never overwrites an existing one, even one created while the admin was reviewing.
 */
export async function importPlanFromChat(db: Db, input: ChatImport): Promise<ChatImportResult> {
  const { plan, actorPersonId, at } = input;
  const networkId = plan.network.id;
  return transaction(db, () => {
    const exists = db.orm.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId)).get();
    if (!input.replaces && exists) return { ok: false, reason: 'taken' } as const;
    if (input.replaces && (!exists || input.replaces !== networkId)) return { ok: false, reason: 'gone' } as const;
    const result = writePlan(db, plan, actorPersonId, at);
    const created = !input.replaces;
    if (created) insertRoleGrant(db, { personId: actorPersonId, networkId, role: 'admin', actorPersonId, at });
    appendAudit(db, {
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
    applyConversationWrite(db, input.conversation);
    return { ok: true, created, ...result } as const;
  });
}
