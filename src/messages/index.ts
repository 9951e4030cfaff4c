// Every Vietnamese user-facing string lives under src/messages/, one file per area.
export { common } from './common.js';
export { consoleText } from './console.js';
export { zaloCliText, zaloText } from './zalo.js';
export { activityText } from './activities.js';
export { onboarding } from './onboarding.js';
export { accessText, grantText, type PersonLine } from './access.js';
export { taskText } from './tasks.js';
export { successionText } from './succession.js';
export { planCliText } from './plan-cli.js';
export { planDraftText } from './plan-draft.js';
export { planChatText } from './plan-chat.js';
export { muteText, remindCliText, reminderText } from './reminders.js';
export { appName, linkText } from './link.js';
export { reportText } from './reports.js';
export { statusText } from './status.js';
export { cliText } from './cli.js';
export { instanceText } from './instances.js';
export { agencyKindNames, groupText, importText, joinText } from './network.js';
