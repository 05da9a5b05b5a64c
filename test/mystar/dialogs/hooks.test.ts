import { MemoryStore } from '../../../core/storage';
import { CheckInDialog } from '../../../dialogs/checkin/checkInDialog';
import { saveProfile } from '../../../core/profile/profiles';
import type { ProfessionalSummary } from '../../../core/mystar/professional';
import { chat, makeDeps, visible } from './support';
import { userUidFor } from './uid';

it('tells the bot of typed and pressed steps, and gives professionals the summary; the young person never sees a level', async () => {
  const store = new MemoryStore();
  await saveProfile(store, userUidFor('user-1'), { ageBand: '12-15' });
  const answers: { area: string; step: number; typed: boolean }[] = [];
  const summaries: ProfessionalSummary[] = [];
  const deps = makeDeps(store, {
    onCheckInAnswer: async (_ctx: unknown, a: { area: string; step: number; typed: boolean }) => {
      answers.push({ area: a.area, step: a.step, typed: a.typed });
    },
    onCheckInCompleted: async (s: ProfessionalSummary) => {
      summaries.push(s);
    },
  });
  const c = chat(new CheckInDialog(deps), store);
  await c.say('check in');
  await c.say('skip');
  let r = await c.say('red'); // being safe, typed
  for (let i = 1; i < 8; i++) {
    r = await c.say('no');
    r = await c.say(i === 1 ? 'skip' : '3');
  }
  r = await c.say('no');
  expect(answers[0]).toEqual({ area: 'being_safe', step: 1, typed: true });
  expect(answers.map((a) => a.area)).not.toContain('confidence'); // skipped
  expect(summaries).toHaveLength(1);
  expect(summaries[0].level).toBe(4);
  expect(summaries[0].reasons[0].code).toBe('safeRed');
  expect(visible(r)).not.toMatch(/level|threshold/i);
});
