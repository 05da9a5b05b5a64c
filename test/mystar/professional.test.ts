import { professionalSummary } from '../../core/mystar/professional';
import { AREA_IDS, AreaId, CheckInRecord, Step } from '../../core/records/types';

function rec(steps: Partial<Record<AreaId, Step | null>>, fill: Step | null = 4, id = 'c'): CheckInRecord {
  const answers = Object.fromEntries(AREA_IDS.map((a) => [a, { step: a in steps ? steps[a]! : fill }]));
  return { id, uid: 'u', ageBand: '12-15', startedAt: '2026-01-01T10:00:00Z', completedAt: '2026-01-01T10:10:00Z', status: 'completed', answers };
}

describe('professional summary and suggested threshold level', () => {
  it('level 1 when nothing is below step 3 and nothing fell by 2', () => {
    const s = professionalSummary(rec({}, 3), rec({}, 4));
    expect(s.level).toBe(1);
    expect(s.reasons.map((r) => r.code)).toEqual(['allOk']);
    expect(s.lowest).toEqual([]);
    expect(s.levelName).toMatch(/Level 1/);
  });

  it('level 2 for one or two areas at step 1-2, naming them', () => {
    const s = professionalSummary(rec({ friends: 2, education: 1 }));
    expect(s.level).toBe(2);
    expect(s.lowest).toEqual([{ area: 'education', step: 1 }, { area: 'friends', step: 2 }]);
    expect(s.reasons[0].text).toMatch(/Friends/);
    expect(s.reasons[0].text).toMatch(/Learning and work/);
  });

  it('level 2 for a fall of 2 or more steps since last time, with from and to', () => {
    const s = professionalSummary(rec({ confidence: 3 }, 4, 'now'), rec({ confidence: 5 }, 4, 'before'));
    expect(s.level).toBe(2);
    expect(s.reasons.find((r) => r.code === 'bigDrop')!.text).toMatch(/Confidence.*2 steps.*5 to 3/);
    expect(s.changes.find((c) => c.area === 'confidence')).toMatchObject({ from: 5, to: 3, by: -2, movement: 'down' });
  });

  it('a fall of one step is a change but not a reason', () => {
    const s = professionalSummary(rec({ confidence: 4 }, 4), rec({ confidence: 5 }, 4));
    expect(s.level).toBe(1);
    expect(s.changes.find((c) => c.area === 'confidence')!.movement).toBe('down');
  });

  it('level 3 for three or more areas at step 1-2', () => {
    expect(professionalSummary(rec({ friends: 2, education: 2, confidence: 2 })).level).toBe(3);
  });

  it('level 3 for two areas at the lowest step', () => {
    const s = professionalSummary(rec({ friends: 1, education: 1 }));
    expect(s.level).toBe(3);
    expect(s.reasons.map((r) => r.code)).toContain('twoRed');
  });

  it('level 3 when feeling safe is at step 2', () => {
    expect(professionalSummary(rec({ being_safe: 2 })).level).toBe(3);
  });

  it('level 4 when feeling safe is at the lowest step, with the plain reason first', () => {
    const s = professionalSummary(rec({ being_safe: 1 }));
    expect(s.level).toBe(4);
    expect(s.reasons[0].code).toBe('safeRed');
    expect(s.reasons[0].text).toMatch(/do not feel safe/);
  });

  it('level 4 when home is at the lowest step and feeling safe is low', () => {
    expect(professionalSummary(rec({ where_you_live: 1, being_safe: 2 })).level).toBe(4);
    expect(professionalSummary(rec({ where_you_live: 1, being_safe: 4 })).level).toBe(2);
  });

  it('notes a skipped "feeling safe" and few answers without raising the level', () => {
    const sparse = rec({ being_safe: null, confidence: null, physical_health: null, friends: null, where_you_live: null }, 4);
    const s = professionalSummary(sparse);
    expect(s.level).toBe(1);
    expect(s.notes.map((n) => n.code).sort()).toEqual(['fewAnswers', 'safeSkipped']);
    expect(s.answered).toBe(3);
    expect(s.steps.being_safe).toBeNull();
  });

  it('carries the disclaimer that professionals decide', () => {
    expect(professionalSummary(rec({})).disclaimer).toMatch(/professional decides/i);
  });
});
