/**
 * A bounded load generator for loopback only: N conversations at once, each sending its turns one
 * after another through POST /api/messages, timing each turn until the bot has sent its replies.
 */
import { randomUUID } from 'node:crypto';

export interface LoadResult {
  name: string;
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  name: string;
  baseUrl: string;
  serviceUrl: string;
  conversations: number;
  turnsPerConversation: number;
  /** text for turn i of conversation c (after the join) */
  text: (c: number, i: number) => string;
  /** called when a turn's POST has answered */
  onTurn?: (conv: string, text: string, sentAt: number) => void;
  /** pause after each reply before the next message, like a person reading and typing (default 0: flood) */
  thinkMs?: number;
  /** called just before a turn's POST is sent */
  beforeTurn?: (conv: string, text: string) => void;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const post = async (body: unknown) => {
    const res = await fetch(`${o.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    if (res.status >= 300) errors++;
  };
  const activity = (conv: string, fields: Record<string, unknown>) => ({
    id: randomUUID(),
    channelId: 'bench',
    serviceUrl: o.serviceUrl,
    conversation: { id: conv },
    from: { id: `u-${conv}` },
    recipient: { id: 'bot' },
    ...fields,
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.conversations }, async (_, c) => {
      const conv = `${o.name}-${c}-${randomUUID().slice(0, 8)}`;
      await post(activity(conv, { type: 'conversationUpdate', membersAdded: [{ id: `u-${conv}` }] }));
      for (let i = 0; i < o.turnsPerConversation; i++) {
        const text = o.text(c, i);
        o.beforeTurn?.(conv, text);
        const t0 = performance.now();
        await post(activity(conv, { type: 'message', text }));
        latencies.push(performance.now() - t0);
        o.onTurn?.(conv, text, t0);
        if (o.thinkMs) await new Promise((r) => setTimeout(r, o.thinkMs! * (0.5 + Math.random())));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name: o.name,
    turns: latencies.length,
    errors,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
