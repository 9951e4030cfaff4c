// Every Vietnamese user-facing string lives under src/messages/, one file per area.
export { common } from './common.js';
export { consoleText } from './console.js';
export { zaloText } from './zalo.js';
