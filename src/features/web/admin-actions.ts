import type { Hono, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { Command, Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { onboarding } from '../onboarding/index.js';
import { ADMIN_PATH } from './admin-page.js';
import { runChatCommand } from './chat.js';
import { messagePage, page } from './layout.js';
import type { WebEnv } from './session.js';

// Each admin form is one chat command with the form's values as its arguments (see chat.ts).

interface FormAction {
  command: string;
  /** The command's arguments from the form, or undefined when a field is malformed. */
  args(form: Record<string, string>): string | undefined;
}

const digits = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? v : undefined);

const ACTIONS: Record<string, FormAction> = {
  xoa: { command: 'xoacanbo', args: (f) => (digits(f.membership) ? `cb ${f.membership}` : undefined) },
  duyet: {
    command: 'duyet',
    args: (f) =>
      digits(f.request) && (f.verdict === 'ok' || f.verdict === 'khong') ? `${f.request} ${f.verdict}` : undefined,
  },
  moi: { command: 'moi', args: (f) => (digits(f.agency) ? `#${f.agency}` : undefined) },
  huymoi: { command: 'moi', args: (f) => (digits(f.invite) ? `huy #${f.invite}` : undefined) },
};

export function mountAdminActions(app: Hono<WebEnv>, services: Services, signedIn: MiddlewareHandler<WebEnv>): void {
  app.post(`${ADMIN_PATH}/:action`, signedIn, async (c) => {
    const action = ACTIONS[c.req.param('action')];
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const args = action?.args(form);
    const command = action && findCommand(action.command);
    if (!args || !command) return messagePage(c, m.badFormTitle, [m.badForm], 400, c.var.user);
    const result = await runChatCommand(services, c.var.actor, command, args);
    const body = html`<section role="status">
      ${result.lines.map((line) => html`<p class="pre">${line}</p>`)}
      <p><a href="${ADMIN_PATH}">${m.back}</a></p>
    </section>`;
    return page(c, { title: m.resultTitle, user: c.var.user, body }, result.ok ? 200 : 400);
  });
}

const findCommand = (name: string): Command | undefined => onboarding.commands.find((cmd) => cmd.name === name);
