import {
  claimLeasedJobRun,
  finishJobLease,
  releaseJobRun,
  renewJobLease,
  takeOverJobRuns,
  type Db,
} from '../db/index.js';
import type { Coordination } from '../kernel/instances.js';

// Several instances run the same schedule; the job_runs row decides who runs a slot, and a lease renewed while
// the run lasts tells the others it is alive. A run whose instance died (its instance lock gone) or stopped
// renewing is taken over by the next sweep and run again: jobs compute what is due, so a rerun is harmless.

const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
export const JOB_SWEEP_EVERY_MS = 5_000;

export function createJobLeases(db: Db, coordination: Coordination, clock: () => Date) {
  const owner = coordination.instanceId;
  const lease = () => ({ owner, until: new Date(clock().getTime() + LEASE_MS) });

  return {
    claim: (job: string, slot: string, at: Date): Promise<boolean> => claimLeasedJobRun(db, job, slot, at, lease()),
    /** Runs a claimed slot, renewing its lease meanwhile; a failure gives the slot back for the next start-up. */
    async hold(job: string, slot: string, run: () => Promise<void>): Promise<void> {
      const renew = setInterval(
        () => void renewJobLease(db, job, slot, owner, lease().until).catch(() => {}),
        RENEW_EVERY_MS,
      );
      try {
        await run();
      } catch (error) {
        await releaseJobRun(db, job, slot);
        throw error;
      } finally {
        clearInterval(renew);
        await finishJobLease(db, job, slot, owner);
      }
    },
    /** Slots left mid-run by an instance that stopped, now leased to this one. */
    takeOver: (): Promise<{ job: string; slot: string }[]> => takeOverJobRuns(db, clock(), lease()),
  };
}

export type JobLeases = ReturnType<typeof createJobLeases>;
