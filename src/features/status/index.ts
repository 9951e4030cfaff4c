import type { Feature } from '../../bot/context.js';
import { exportCommand } from './export.js';
import { exportIntent, statusIntent } from './intent.js';
import { status } from './status.js';

export const statusFeature: Feature = {
  name: 'status',
  commands: [status, exportCommand],
  intents: [statusIntent, exportIntent],
};

// For the web pages (features/web): the same views, chart and files as /tinhhinh and /xuat.
export {
  findStatusPeriod,
  loadAgencyStatus,
  loadNetworkStatus,
  resolveStatusPeriod,
  type AgencyLine,
  type NetworkStatus,
} from './summary.js';
export { buildExportFiles, type ExportFormat } from './export-files.js';
export { chartInput, exportNetwork } from './documents.js';
export { leadsNetwork, ledNetworks } from './scope.js';
// For the network feature's files (templates, invitations): sent in chat or as links, as /xuat does.
export { CONTENT_TYPES, deliverFiles } from './deliver.js';
