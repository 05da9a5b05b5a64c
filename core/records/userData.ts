/**
 * "Show my data" and "delete my data": every module that keeps records about a young person registers
 * a source here, so nothing is missed when they ask to see or remove it.
 */
import type { Store } from '../storage';

export interface UserDataSource {
  /** a short name for this kind of record, e.g. 'checkins' */
  name: string;
  collect(store: Store, uid: string): Promise<unknown>;
  erase(store: Store, uid: string): Promise<void>;
}

const sources: UserDataSource[] = [];

export function registerUserDataSource(src: UserDataSource): void {
  if (!sources.some((s) => s.name === src.name)) sources.push(src);
}

export function userDataSources(): readonly UserDataSource[] {
  return sources;
}

export async function collectUserData(store: Store, uid: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const s of sources) out[s.name] = await s.collect(store, uid);
  return out;
}

export async function eraseUserData(store: Store, uid: string): Promise<void> {
  for (const s of sources) await s.erase(store, uid);
}
