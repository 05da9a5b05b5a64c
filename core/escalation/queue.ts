/**
 * The work queue behind escalation: "deliver" jobs (one per alert, round and route, retried until they
 * succeed) and delayed "reescalate" jobs. Two backings with one interface:
 * - MemoryJobQueue: timers in this process (the local default; lost on restart).
 * - BullJobQueue (bullQueue.ts): BullMQ on Redis, so alerts survive a crash or restart and several
 *   Starling instances share the work; a job id per delivery means adding it twice adds it once.
 */
import type { Clock } from './clock';
import { backoffMs } from './routes';
import type { RouteName, RouteSet } from './types';

export interface DeliverJob {
  alertId: string;
  routeSet: RouteSet;
  route: RouteName;
  round: number;
  /**
   * Set for a follow-up notice (the young person wrote more after the alert) rather than the alert itself: which
   * notice window it belongs to, so the same notice is queued once however many messages ask for it.
   */
  followUps?: string;
}

export interface ReescalateJob {
  alertId: string;
  /** the round this re-escalation starts (1, 2, ...) */
  round: number;
}

export interface JobHandlers {
  /** attempt: 1 for the first try. Throw to be retried. */
  deliver(job: DeliverJob, attempt: number): Promise<void>;
  reescalate(job: ReescalateJob): Promise<void>;
}

export interface RetryOptions {
  baseMs: number;
  capMs: number;
}

export interface JobQueue {
  readonly kind: 'memory' | 'bullmq';
  /** delayMs: run no sooner (follow-up notices wait for the end of their window) */
  addDeliver(job: DeliverJob, delayMs?: number): Promise<void>;
  addReescalate(job: ReescalateJob, delayMs: number): Promise<void>;
  /** Starts processing jobs (this instance becomes a worker). */
  start(handlers: JobHandlers): Promise<void>;
  close(): Promise<void>;
}

export const deliverJobId = (j: DeliverJob) =>
  j.followUps ? `followups-${j.alertId}-${j.followUps}-${j.routeSet}-${j.route}` : `deliver-${j.alertId}-r${j.round}-${j.routeSet}-${j.route}`;
export const reescalateJobId = (j: ReescalateJob) => `reescalate-${j.alertId}-r${j.round}`;

type Pending = { kind: 'deliver'; job: DeliverJob; attempt: number } | { kind: 'reescalate'; job: ReescalateJob };

export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory' as const;
  private handlers?: JobHandlers;
  private seen = new Set<string>();
  private waiting: Pending[] = [];
  private cancels = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly retry: RetryOptions,
    private readonly onError: (err: unknown, job: DeliverJob, attempt: number) => void = () => undefined,
  ) {}

  async addDeliver(job: DeliverJob, delayMs = 0): Promise<void> {
    const id = deliverJobId(job);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.schedule({ kind: 'deliver', job, attempt: 1 }, delayMs);
  }

  async addReescalate(job: ReescalateJob, delayMs: number): Promise<void> {
    const id = reescalateJobId(job);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.schedule({ kind: 'reescalate', job }, delayMs);
  }

  private schedule(p: Pending, delayMs: number): void {
    if (this.closed) return;
    if (delayMs <= 0) {
      // Now means now, whatever the clock: a manual test clock only holds back waits.
      setImmediate(() => void this.run(p));
      return;
    }
    const cancel = this.clock.setTimer(() => {
      this.cancels.delete(cancel);
      void this.run(p);
    }, delayMs);
    this.cancels.add(cancel);
  }

  private async run(p: Pending): Promise<void> {
    if (this.closed) return;
    if (!this.handlers) {
      this.waiting.push(p);
      return;
    }
    if (p.kind === 'reescalate') {
      try {
        await this.handlers.reescalate(p.job);
      } catch {
        this.schedule(p, this.retry.baseMs);
      }
      return;
    }
    try {
      await this.handlers.deliver(p.job, p.attempt);
    } catch (err) {
      this.onError(err, p.job, p.attempt);
      this.schedule({ ...p, attempt: p.attempt + 1 }, backoffMs(p.attempt, this.retry.baseMs, this.retry.capMs));
    }
  }

  async start(handlers: JobHandlers): Promise<void> {
    this.handlers = handlers;
    const w = this.waiting.splice(0);
    for (const p of w) this.schedule(p, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.cancels) c();
    this.cancels.clear();
  }
}
