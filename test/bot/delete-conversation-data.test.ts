/** "Delete my data" also removes the copy of their recent messages the safety check keeps for context. */
import { hashId } from '../../core/logging';
import { safetyKeys } from '../../bot/middleware/safety';
import { useAppWithAlerts } from '../support/alerts';
import { visibleText } from '../support/replySink';

const { app } = useAppWithAlerts();

async function deleteMyData(conv: string) {
  await app().say(conv, 'delete my data');
  return app().say(conv, 'yes delete it all');
}

it('removes the recent messages and the notes of an unflagged conversation', async () => {
  const conv = 'del-1';
  const key = hashId(`test:${conv}`);
  await app().join(conv);
  await app().say(conv, 'i feel so hopeless');
  expect(await app().app.store.getJson(safetyKeys.recent(key))).toBeTruthy();
  expect(await app().app.store.listRange(safetyKeys.notes(key))).not.toHaveLength(0);
  const done = await deleteMyData(conv);
  expect(visibleText(done)).toMatch(/deleted everything/i);
  expect(await app().app.store.getJson(safetyKeys.recent(key))).toBeUndefined();
  expect(await app().app.store.listRange(safetyKeys.notes(key))).toHaveLength(0);
});

it('keeps the safety flag and its notes while a flag is open, but not their words', async () => {
  const conv = 'del-2';
  const key = hashId(`test:${conv}`);
  await app().join(conv);
  await app().say(conv, 'i want to kill myself tonight');
  await app().press(conv, { kind: 'nav', intent: 'menu' });
  const done = visibleText(await deleteMyData(conv));
  expect(done).toMatch(/keeps a note of that until one of them has checked you're OK/);
  expect(done).not.toMatch(/deleted everything/);
  expect(await app().app.store.getJson(safetyKeys.recent(key))).toBeUndefined();
  expect((await app().app.store.getJson<{ flagged: boolean }>(safetyKeys.flag(key)))?.flagged).toBe(true);
  expect(await app().app.store.listRange(safetyKeys.notes(key))).not.toHaveLength(0);
});
