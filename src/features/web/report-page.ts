import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { reportFeature } from '../reports/index.js';
import { runChatCommand } from './chat.js';
import { messagePage, page } from './layout.js';
import type { WebEnv } from './session.js';

/** One submitted report, any version, read-only: what `/baocao xem <số>` shows, with the same right to see it. */
export async function reportPage(c: Context<WebEnv>, services: Services, id: number): Promise<Response> {
  const command = reportFeature.commands.find((cmd) => cmd.name === 'baocao')!;
  const result = await runChatCommand(services, c.var.actor, command, `xem ${id}`);
  if (!result.ok) return messagePage(c, m.forbiddenTitle, result.lines, 403, c.var.user);
  const versions = result.choices
    .map((choice) => ({ label: choice.label, id: /^\/baocao xem (\d+)$/.exec(choice.id)?.[1] }))
    .filter((v) => v.id);
  const body = html`<section>
    <p class="muted">${m.readOnly}</p>
    ${result.lines.map((line) => html`<div class="pre">${line}</div>`)}
    ${
      versions.length > 0
        ? html`<ul class="plain">
            ${versions.map((v) => html`<li><a href="/web/bao-cao/${v.id}">${v.label}</a></li>`)}
          </ul>`
        : ''
    }
  </section>`;
  return page(c, { title: m.reportTitle, user: c.var.user, body });
}
