/**
 * BullMQ backing of the escalation queue. Its Redis connections are its own (not the Store's): ioredis
 * with maxRetriesPerRequest: null, as BullMQ requires, so a Redis restart makes commands wait instead of
 * failing. Keys are under "<REDIS_KEY_PREFIX>bull:<queue>:..." (e.g. starling:bull:alerts:...).
 *
 * - deliver jobs: attempts practically unlimited, capped exponential backoff; job id per delivery.
 * - reescalate jobs: delayed by the re-escalation time.
 * - A job whose worker died (crash, kill -9) is taken back after its lock expires (lockDurationMs)
 *   and run by any live worker; maxStalledCount is high so a crisis alert is never dropped as "stalled".
 */
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { backoffMs } from './routes';
import { DeliverJob, deliverJobId, JobHandlers, JobQueue, ReescalateJob, reescalateJobId, RetryOptions } from './queue';

export interface BullQueueOptions {
  url: string;
  /** the Store's prefix (REDIS_KEY_PREFIX); BullMQ keys go under "<prefix>bull" */
  keyPrefix: string;
  queueName?: string;
  retry: RetryOptions;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  onError?: (err: unknown, job: DeliverJob | ReescalateJob, attempt: number, name: string) => void;
}

const FOREVER = 1_000_000_000;

export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix.replace(/:$/, '')}:bull`;
}

export class BullJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly queueConn: Redis;
  private workerConn?: Redis;
  private readonly queue: Queue;
  private worker?: Worker;

  constructor(private readonly opts: BullQueueOptions) {
    this.queueConn = this.connect();
    this.queue = new Queue(this.name, {
      connection: this.queueConn,
      prefix: bullPrefix(opts.keyPrefix),
      defaultJobOptions: {
        attempts: FOREVER,
        backoff: { type: 'starling' },
        removeOnComplete: { age: 7 * 86400, count: 10000 },
        removeOnFail: false,
      },
    });
    this.queue.on('error', () => undefined);
  }

  private get name(): string {
    return this.opts.queueName ?? 'alerts';
  }

  private connect(): Redis {
    const c = new Redis(this.opts.url, {
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    });
    c.on('error', () => undefined);
    return c;
  }

  async addDeliver(job: DeliverJob, delayMs = 0): Promise<void> {
    await this.queue.add('deliver', job, { jobId: deliverJobId(job), ...(delayMs > 0 ? { delay: delayMs } : {}) });
  }

  async addReescalate(job: ReescalateJob, delayMs: number): Promise<void> {
    await this.queue.add('reescalate', job, { jobId: reescalateJobId(job), delay: Math.max(0, delayMs) });
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.worker) return;
    this.workerConn = this.connect();
    const { retry } = this.opts;
    this.worker = new Worker(
      this.name,
      async (job: Job) => {
        if (job.name === 'deliver') await handlers.deliver(job.data as DeliverJob, job.attemptsMade + 1);
        else if (job.name === 'reescalate') await handlers.reescalate(job.data as ReescalateJob);
      },
      {
        connection: this.workerConn,
        prefix: bullPrefix(this.opts.keyPrefix),
        concurrency: this.opts.concurrency ?? 8,
        lockDuration: this.opts.lockDurationMs ?? 30000,
        stalledInterval: this.opts.stalledIntervalMs ?? this.opts.lockDurationMs ?? 30000,
        maxStalledCount: FOREVER,
        settings: { backoffStrategy: (attemptsMade: number) => backoffMs(attemptsMade, retry.baseMs, retry.capMs) },
      },
    );
    this.worker.on('failed', (job, err) => {
      if (job) this.opts.onError?.(err, job.data, job.attemptsMade, job.name);
    });
    this.worker.on('error', () => undefined);
    // Not waiting for Redis here: start-up must not hang while Redis is down (readiness reports that);
    // the worker connects, and picks up every waiting job, as soon as Redis answers.
  }

  /** Stops this instance's worker and queue. force: as a crash would (jobs in hand are taken back later by other workers). */
  async close(force = false): Promise<void> {
    if (!force) {
      // A graceful stop lets a delivery in hand finish; bounded, so shutdown never hangs on a dead Redis.
      let timer: NodeJS.Timeout | undefined;
      const graceful = this.gracefulClose().then(
        () => true,
        () => false,
      );
      const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10000)));
      const ok = await Promise.race([graceful, timedOut]);
      clearTimeout(timer);
      if (ok) return;
    }
    this.workerConn?.disconnect();
    this.queueConn.disconnect();
    await this.worker?.close(true).catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  private async gracefulClose(): Promise<void> {
    const up = this.queueConn.status === 'ready';
    if (!up) throw new Error('redis not connected');
    await this.worker?.close();
    await this.queue.close();
    await this.workerConn?.quit().catch(() => this.workerConn?.disconnect());
    await this.queueConn.quit().catch(() => this.queueConn.disconnect());
  }

  /** For health checks and tests: job counts by state. */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }
}
