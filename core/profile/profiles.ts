/**
 * The young person's profile (age band, optional age and nickname, where they live), remembered for
 * next time and changeable. Keyed by the pseudonymous uid only.
 */
import { AgeBand, bandForAge, bandForSchoolYear, MAX_AGE, MIN_AGE } from '../ageBands';
import type { Store } from '../storage';
import { keys, LocalArea, LOCAL_AREAS, Profile } from '../records/types';
import { registerUserDataSource } from '../records/userData';

export const MAX_NICKNAME = 30;

export async function getProfile(store: Store, uid: string): Promise<Profile | undefined> {
  return store.getJson<Profile>(keys.profile(uid));
}

/** Merges the changes into the stored profile (creating it): undefined leaves a field, null or '' clears it. */
export async function saveProfile(
  store: Store,
  uid: string,
  changes: { [K in keyof Omit<Profile, 'uid' | 'createdAt'>]?: Profile[K] | null },
  now: () => Date = () => new Date(),
): Promise<Profile> {
  const old = await getProfile(store, uid);
  const next: Profile = { ...(old ?? { uid, createdAt: now().toISOString() }), uid };
  for (const [k, v] of Object.entries(changes) as [keyof Profile, unknown][]) {
    if (v === undefined) continue; // not changed
    if (v === null || v === '') delete (next as unknown as Record<string, unknown>)[k];
    else (next as unknown as Record<string, unknown>)[k] = v;
  }
  if (next.area && !(LOCAL_AREAS as readonly string[]).includes(next.area)) delete next.area;
  await store.setJson(keys.profile(uid), next);
  await store.setAdd(keys.allUsers(), uid);
  return next;
}

export async function deleteProfile(store: Store, uid: string): Promise<void> {
  await store.remove([keys.profile(uid)]);
  await store.setRemove(keys.allUsers(), uid);
}

/** A profile is complete enough for a check-in once it has an age band. */
export function needsOnboarding(p: Profile | undefined): boolean {
  return !p?.ageBand;
}

export type AgeAnswer =
  | { kind: 'age'; age: number; band: AgeBand }
  | { kind: 'schoolYear'; year: number; band: AgeBand }
  | { kind: 'tooYoung'; age: number }
  | { kind: 'tooOld'; age: number }
  | { kind: 'unclear' };

const WORD_NUMBERS: Record<string, number> = {
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, 'twenty one': 21, 'twenty two': 22, 'twenty three': 23,
  'twenty four': 24, 'twenty five': 25, three: 3, four: 4, five: 5, six: 6, seven: 7,
};

/** Reads "13", "I'm 13", "thirteen", "Year 8", "Y8", "yr 10", "year eight" into an age or school year. */
export function parseAgeAnswer(text: string): AgeAnswer {
  let t = (text ?? '').toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [w, n] of Object.entries(WORD_NUMBERS).sort((a, b) => b[0].length - a[0].length)) {
    t = t.replace(new RegExp(`\\b${w}\\b`, 'g'), String(n));
  }
  const year = /\b(?:year|yr|y)\s*(\d{1,2})\b/.exec(t);
  if (year) {
    const y = Number(year[1]);
    const band = bandForSchoolYear(y);
    return band ? { kind: 'schoolYear', year: y, band } : { kind: 'unclear' };
  }
  const nums = t.match(/\b\d{1,3}\b/g) ?? [];
  if (nums.length !== 1) return { kind: 'unclear' };
  const age = Number(nums[0]);
  if (age < 1 || age > 120) return { kind: 'unclear' };
  if (age < MIN_AGE) return { kind: 'tooYoung', age };
  if (age > MAX_AGE) return { kind: 'tooOld', age };
  return { kind: 'age', age, band: bandForAge(age)! };
}

/** A nickname as typed, tidied; undefined for skip/none or nothing; 'tooLong' past MAX_NICKNAME. */
export function cleanNickname(text: string): string | undefined | 'tooLong' {
  const t = (text ?? '').replace(/[\u0000-\u001f<>]/g, '').replace(/\s+/g, ' ').trim();
  if (!t || /^(skip|no|none|no thanks|nah|rather not( say)?|pass)$/i.test(t)) return undefined;
  const m = /^(?:call me|my name is|i'm|i am|it's|its)\s+(.+)$/i.exec(t);
  const name = (m ? m[1] : t).trim();
  if (name.length > MAX_NICKNAME) return 'tooLong';
  return name;
}

export type { LocalArea };

registerUserDataSource({
  name: 'profile',
  collect: (store, uid) => getProfile(store, uid),
  erase: (store, uid) => deleteProfile(store, uid),
});
