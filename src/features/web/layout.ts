import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { webText as m } from '../../messages/web.js';

// One page frame for every screen: phone-first, no script, system fonts, contrast of at least 4.5:1.

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#f5f6f8}
a{color:#0b4f9c}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f0a000;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:#0b3d6e;color:#fff;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
header a,header button{color:#fff}header .who{flex:1 1 auto;font-size:14px}
main{max-width:1100px;margin:0 auto;padding:12px}h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:20px 0 8px}
section{background:#fff;border-radius:6px;padding:12px;margin:0 0 12px;box-shadow:0 1px 2px #0002}
.figures{display:flex;flex-wrap:wrap;gap:8px}.figures span{padding:4px 8px;border-radius:4px;background:#eef2f7}
.s-on-time{color:#1b5e20}.s-late{color:#8a3b00}.s-missing{color:#a31515;font-weight:600}
.chart svg{width:100%;height:auto;display:block}
.table{width:100%;border-collapse:collapse;font-size:15px}.table th,.table td{text-align:left;padding:6px 4px;border-bottom:1px solid #dde1e6;vertical-align:top}
.table th a{text-decoration:none}.num{text-align:right}
@media (max-width:640px){.table thead{position:absolute;left:-999px}.table tr{display:block;border-bottom:1px solid #c8cdd3;padding:6px 0}
.table td{display:flex;gap:8px;border:0;padding:2px 0}.table td::before{content:attr(data-label);font-weight:600;min-width:7.5em}.num{text-align:left}}
form.inline{display:inline}button,.button{font:inherit;padding:6px 12px;border-radius:4px;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.quiet{background:#fff;color:#0b4f9c}button.danger{background:#a31515;border-color:#a31515}
header button{background:transparent;border-color:#fff}
label{display:block;font-weight:600;margin:4px 0}input,select{font:inherit;padding:6px;border:1px solid #767676;border-radius:4px;max-width:100%}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}.pre{white-space:pre-wrap;overflow-wrap:anywhere}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:6px 0;border-bottom:1px solid #eee}
.pager{display:flex;gap:12px;flex-wrap:wrap;margin-top:8px}.muted{color:#555}
`;

export interface Frame {
  title: string;
  /** Signed in: shows who, the links and the sign-out form. */
  user?: { name: string; csrf: string; admin: boolean };
  body: Html;
}

export function page(c: Context, frame: Frame, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  c.header('cache-control', 'private, no-store');
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  c.header('x-frame-options', 'DENY');
  c.header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'",
  );
  return c.html(
    html`<!doctype html>
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${frame.title} · ${m.appTitle}</title>
          <style>
            ${raw(STYLE)}
          </style>
        </head>
        <body>
          <a class="skip" href="#main">${m.skip}</a>
          <header>${headerOf(frame)}</header>
          <main id="main">
            <h1>${frame.title}</h1>
            ${frame.body}
          </main>
        </body>
      </html>`,
    status,
  );
}

function headerOf(frame: Frame): Html {
  if (!frame.user) return html`<strong>${m.appTitle}</strong>`;
  const { user } = frame;
  return html`<strong><a href="/web">${m.appTitle}</a></strong>
    <span class="who">${m.signedInAs(user.name)}</span>
    ${user.admin ? html`<a href="/web/quantri">${m.admin}</a>` : ''}
    <form class="inline" method="post" action="/web/logout">
      <input type="hidden" name="csrf" value="${user.csrf}" /><button type="submit">${m.signOut}</button>
    </form>`;
}

/** A page that only says something: refusals, results. */
export function messagePage(
  c: Context,
  title: string,
  lines: string[],
  status: ContentfulStatusCode,
  user?: Frame['user'],
): Response | Promise<Response> {
  const back = user ? html`<p><a href="/web">${m.home}</a></p>` : '';
  return page(
    c,
    { title, user, body: html`<section>${lines.map((l) => html`<p class="pre">${l}</p>`)}${back}</section>` },
    status,
  );
}
