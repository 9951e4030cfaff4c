// How several bot processes on one PostgreSQL database share the work. SQLite serves one process and has no
// coordination: code that receives `undefined` keeps its single-process path, with no extra query.

export interface Coordination {
  /** This process among the instances: the owner written on its leases (live while the process is). */
  readonly instanceId: number;
  /** Takes the named leadership, or confirms it is still held, without waiting: false while another has it. */
  tryLead(name: string): Promise<boolean>;
  /** What the last tryLead found (true until the database session is lost). */
  isLeading(name: string): boolean;
  resign(name: string): Promise<void>;
  /** Runs `fn` holding the named lock across every instance, waiting for it. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` only if the named lock is free now; false when it was not run. */
  tryWithLock(name: string, fn: () => Promise<void>): Promise<boolean>;
  /** The session with the database broke: this instance no longer leads nor locks (GET /readyz says 503). */
  readonly lost: boolean;
  close(): Promise<void>;
}
