import type { Ctx } from '../../bot/context.js';
import { importText as m } from '../../messages/index.js';
import { CONTENT_TYPES, deliverFiles } from '../status/index.js';

/** `/moi mau`: the agency list template, to fill in and send back. */
export async function sendAgencyTemplate(ctx: Ctx): Promise<void> {
  const { renderAgencyTemplate } = await import('../../documents/agency-template.js');
  const file = {
    kind: 'document' as const,
    fileName: m.templateName,
    data: await renderAgencyTemplate(),
    caption: m.templateCaption,
  };
  await deliverFiles(ctx, [{ file, contentType: CONTENT_TYPES.xlsx, title: m.templateName }]);
}
