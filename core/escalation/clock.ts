/** Time for escalation: real by default; a manual clock lets tests move time on without waiting. */
export interface Clock {
  now(): Date;
  /** Runs fn after ms; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const realClock: Clock = {
  now: () => new Date(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export interface ManualClock extends Clock {
  /** Moves time on by ms, running every timer that falls due (in order), and lets their work settle. */
  advance(ms: number): Promise<void>;
  set(t: Date): void;
}

export function createManualClock(start = new Date('2026-01-05T10:00:00Z')): ManualClock {
  let now = start.getTime();
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => new Date(now),
    set: (t) => {
      now = t.getTime();
    },
    setTimer(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}
