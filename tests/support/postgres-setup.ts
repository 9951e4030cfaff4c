import type { TestProject } from 'vitest/node';
import { createTemplate, startCluster } from './postgres.js';

// vitest globalSetup of `npm run test:pg`: one cluster for the whole run, stopped when it ends.

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  try {
    await createTemplate(cluster.adminUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
