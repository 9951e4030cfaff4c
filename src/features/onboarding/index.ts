import type { Feature } from '../../bot/context.js';
import { approve } from './approve.js';
import { block, unblock } from './block.js';
import { registerFlow } from './conversation.js';
import { grant } from './grant.js';
import { handover } from './handover.js';
import { invite } from './invite.js';
import { link } from './link.js';
import { register } from './register.js';
import { removeOfficer } from './remove-officer.js';
import { setup } from './setup.js';
import { start } from './start.js';

export const onboarding: Feature = {
  name: 'onboarding',
  commands: [start, register, approve, invite, setup, grant, removeOfficer, block, unblock, link, handover],
  conversations: [registerFlow],
};
