/**
 * Human handoff state: which conversation is handed over to which duty worker, from when to when.
 * The bot side reads it on every message to relay between the young person and the worker.
 */
import type { Store } from '../storage';
import { escalationKeys, Handoff } from './types';

export async function activeHandoff(store: Store, conversationKey: string): Promise<Handoff | undefined> {
  return store.getJson<Handoff>(escalationKeys.handoff(conversationKey));
}

/** Past handoffs of a conversation, oldest first. */
export async function pastHandoffs(store: Store, conversationKey: string): Promise<Handoff[]> {
  return store.listRange<Handoff>(escalationKeys.handoffHistory(conversationKey));
}

/** Starts a handoff unless the conversation is already with someone (atomic); returns the active one. */
export async function startHandoff(store: Store, h: Handoff): Promise<{ started: boolean; handoff: Handoff }> {
  if (await store.setJsonIfAbsent(escalationKeys.handoff(h.conversationKey), h)) {
    await store.setAdd(escalationKeys.activeHandoffs(), h.conversationKey);
    return { started: true, handoff: h };
  }
  const current = await activeHandoff(store, h.conversationKey);
  return { started: false, handoff: current ?? h };
}

export async function endHandoff(store: Store, conversationKey: string, at: string): Promise<Handoff | undefined> {
  const h = await activeHandoff(store, conversationKey);
  if (!h) return undefined;
  const ended = { ...h, endedAt: at };
  await store.remove([escalationKeys.handoff(conversationKey)]);
  await store.setRemove(escalationKeys.activeHandoffs(), conversationKey);
  await store.listPush(escalationKeys.handoffHistory(conversationKey), ended);
  return ended;
}

export async function listActiveHandoffs(store: Store, workerId?: string): Promise<Handoff[]> {
  const keys = await store.setMembers(escalationKeys.activeHandoffs());
  const out: Handoff[] = [];
  for (const k of keys) {
    const h = await activeHandoff(store, k);
    if (h && (!workerId || h.workerId.toLowerCase() === workerId.toLowerCase())) out.push(h);
  }
  return out;
}
