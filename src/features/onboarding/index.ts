import type { Feature } from '../../bot/context.js';
import { approve } from './approve.js';
import { registerFlow } from './conversation.js';
import { grant } from './grant.js';
import { invite } from './invite.js';
import { link } from './link.js';
import { register } from './register.js';
import { setup } from './setup.js';
import { start } from './start.js';

export const onboarding: Feature = {
  name: 'onboarding',
  commands: [start, register, approve, invite, setup, grant, link],
  conversations: [registerFlow],
};
