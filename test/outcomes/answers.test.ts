import { keys, OutcomeAnswerRecord } from '../../core/records/types';
import { collectUserData, eraseUserData, userDataSources } from '../../core/records/userData';
import { listOutcomeAnswers, saveOutcomeAnswer } from '../../core/outcomes';
import { MemoryStore } from '../../core/storage';

const rec = (over: Partial<OutcomeAnswerRecord> = {}): OutcomeAnswerRecord => ({
  uid: 'u1',
  frameworkId: '3.6',
  answer: 4,
  at: '2026-01-05T10:00:00.000Z',
  ageBand: '12-15',
  area: 'coventry',
  ...over,
});

describe('outcome answers', () => {
  it('keeps answers with framework id, time and age band, and indexes the young person for reports', async () => {
    const store = new MemoryStore();
    await saveOutcomeAnswer(store, rec());
    await saveOutcomeAnswer(store, rec({ frameworkId: '4.10', answer: null, comment: 'it was ok' }));
    const got = await listOutcomeAnswers(store, 'u1');
    expect(got.map((a) => [a.frameworkId, a.answer, a.ageBand, a.at])).toEqual([
      ['3.6', 4, '12-15', '2026-01-05T10:00:00.000Z'],
      ['4.10', null, '12-15', '2026-01-05T10:00:00.000Z'],
    ]);
    expect(got[1].comment).toBe('it was ok');
    expect(await store.setMembers(keys.allUsers())).toEqual(['u1']);
  });

  it('refuses a record that is not an answer to a framework statement', async () => {
    const store = new MemoryStore();
    await expect(saveOutcomeAnswer(store, rec({ frameworkId: '9.9' }))).rejects.toThrow();
    await expect(saveOutcomeAnswer(store, rec({ answer: 7 as any }))).rejects.toThrow();
    await expect(saveOutcomeAnswer(store, rec({ ageBand: '5-7' as any }))).rejects.toThrow();
    expect(await listOutcomeAnswers(store, 'u1')).toEqual([]);
  });

  it('shows up in "show my data" and is removed by "delete my data", leaving other people alone', async () => {
    const store = new MemoryStore();
    expect(userDataSources().map((s) => s.name)).toContain('outcomes');
    await saveOutcomeAnswer(store, rec());
    await saveOutcomeAnswer(store, rec({ uid: 'u2' }));
    const mine = await collectUserData(store, 'u1');
    expect((mine.outcomes as OutcomeAnswerRecord[]).map((a) => a.frameworkId)).toEqual(['3.6']);
    await eraseUserData(store, 'u1');
    expect(await listOutcomeAnswers(store, 'u1')).toEqual([]);
    expect(await store.setMembers(keys.allUsers())).toEqual(['u2']);
    expect(await listOutcomeAnswers(store, 'u2')).toHaveLength(1);
  });
});
