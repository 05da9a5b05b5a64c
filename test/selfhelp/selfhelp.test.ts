import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AGE_BANDS } from '../../core/ageBands';
import { createWords } from '../../core/i18n';
import { collectUserData, eraseUserData } from '../../core/records/userData';
import {
  activities,
  activityById,
  feedbackFor,
  loadActivities,
  pickActivities,
  recordFeedback,
  SELFHELP_FILE,
  stepCard,
} from '../../core/selfhelp';
import { MemoryStore } from '../../core/storage';

const w = createWords();

describe('content/selfhelp.json', () => {
  it('validates and has wording for every activity in every band it is offered to', () => {
    const list = loadActivities();
    expect(list.map((a) => a.id)).toEqual(
      expect.arrayContaining(['breathing', 'grounding', 'sleep', 'worry_time', 'move_your_body', 'talk_to_someone', 'plan_something_nice', 'exam_stress', 'urge_to_hurt_yourself']),
    );
    for (const a of list)
      for (const band of a.bands) {
        expect(w.has(`selfhelp:${a.id}.title`, band)).toBe(true);
        const steps = w.list(`selfhelp:${a.id}.steps`, { band });
        expect(steps.length).toBeGreaterThanOrEqual(3);
        for (const s of steps) expect(s.length).toBeLessThan(200);
      }
  });

  it('the youngest band gets its own shorter wording with emoji', () => {
    for (const a of activities().filter((x) => x.bands.includes('8-11'))) {
      const young = w.list(`selfhelp:${a.id}.steps`, { band: '8-11' });
      const older = w.list(`selfhelp:${a.id}.steps`, { band: '16-25' });
      expect(young).not.toEqual(older);
      expect(young.join(' ')).toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  it('a bad activity stops loading, naming the activity and field', () => {
    const data = JSON.parse(readFileSync(SELFHELP_FILE, 'utf8'));
    data.activities[2].areas = ['sleeping'];
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'selfhelp-')), 'bad.json');
    writeFileSync(f, JSON.stringify(data));
    expect(() => loadActivities(f)).toThrow(/activity "sleep" field "areas.0"/);
  });

  it('the self-harm activity always shows the crisis routes', () => {
    const card = stepCard(activityById('urge_to_hurt_yourself')!, '12-15', 0, w);
    expect(card.showCrisisRoutes).toBe(true);
    expect(card.intro).toBeTruthy();
  });
});

describe('one step at a time', () => {
  it('walks through the steps with progress, intro first', () => {
    const a = activityById('breathing')!;
    const first = stepCard(a, '12-15', 0, w);
    expect(first.intro).toMatch(/breathing/i);
    expect(first.progress).toBe('Step 1 of 5');
    expect(first.isLast).toBe(false);
    const last = stepCard(a, '12-15', 4, w);
    expect(last.isLast).toBe(true);
    expect(last.intro).toBeUndefined();
    expect(stepCard(a, '8-11', 0, w).title).toBe('Balloon breathing 🎈');
  });
});

describe('picking activities', () => {
  it('picks by My Star area and band', async () => {
    const store = new MemoryStore();
    const edu = await pickActivities(store, 'u1', { band: '16-25', area: 'education', limit: 10 });
    expect(edu.map((a) => a.id)).toEqual(['worry_time', 'exam_stress']);
    const young = await pickActivities(store, 'u1', { band: '8-11', area: 'education', limit: 10 });
    expect(young.map((a) => a.id)).toEqual(['worry_time']); // exam stress is not offered to 8-11s
  });

  it('never puts the self-harm activity in a general list', async () => {
    const store = new MemoryStore();
    for (const band of AGE_BANDS) {
      const all = await pickActivities(store, 'u1', { band, limit: 20 });
      expect(all.map((a) => a.id)).not.toContain('urge_to_hurt_yourself');
    }
  });

  it('prefers what helped before and moves what did not help to the end', async () => {
    const store = new MemoryStore();
    const before = (await pickActivities(store, 'u2', { band: '12-15', area: 'feelings_behaviour', limit: 10 })).map((a) => a.id);
    expect(before[0]).toBe('breathing');
    await recordFeedback(store, 'u2', 'plan_something_nice', true);
    await recordFeedback(store, 'u2', 'breathing', false);
    const after = (await pickActivities(store, 'u2', { band: '12-15', area: 'feelings_behaviour', limit: 10 })).map((a) => a.id);
    expect(after[0]).toBe('plan_something_nice');
    expect(after[after.length - 1]).toBe('breathing');
    // a later "helped" outweighs an earlier "didn't help"
    await recordFeedback(store, 'u2', 'breathing', true);
    const later = (await pickActivities(store, 'u2', { band: '12-15', area: 'feelings_behaviour', limit: 10 })).map((a) => a.id);
    expect(later.indexOf('breathing')).toBeLessThan(later.indexOf('grounding'));
  });

  it('feedback shows in "show my data" and is gone after "delete my data"', async () => {
    const store = new MemoryStore();
    await recordFeedback(store, 'u3', 'sleep', true, new Date('2026-11-23T10:00:00Z'));
    const mine = await collectUserData(store, 'u3');
    expect(mine.selfhelp).toEqual([{ activityId: 'sleep', helped: true, at: '2026-11-23T10:00:00.000Z' }]);
    await eraseUserData(store, 'u3');
    expect(await feedbackFor(store, 'u3')).toEqual([]);
    const order = (await pickActivities(store, 'u3', { band: '16-25', area: 'physical_health', limit: 10 })).map((a) => a.id);
    expect(order[0]).toBe('breathing');
  });
});
