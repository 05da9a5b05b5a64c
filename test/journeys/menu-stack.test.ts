/**
 * "about", "help" or "carry on" at the menu answers and shows the menu again, without leaving an old menu behind in
 * the saved conversation: those piled up (40 "about"s made the state four times its size, and every turn slower),
 * and finishing one menu woke up the one under it.
 */
import { useTestApp } from '../support/testApp';
import { buttons } from '../support/replySink';

const t = useTestApp();

/** The saved dialog stack of a conversation (the conversation state in the store). */
async function savedStack(conv: string): Promise<string[]> {
  const store = t.app.store as unknown as { read(keys: string[]): Promise<Record<string, any>> };
  const key = `test/conversations/${conv}/`;
  const doc = (await store.read([key]))[key];
  const stack = JSON.stringify(doc ?? {}).match(/"id":"[^"]+"/g) ?? [];
  return stack;
}

it.each(['about', 'carry on', 'what can you do'])('%j at the menu, twenty times, leaves one menu, not twenty', async (word) => {
  const conv = `stack-${word.replace(/\W/g, '')}`;
  await t.join(conv);
  await t.say(conv, word);
  const once = (await savedStack(conv)).length;
  expect(once).toBeGreaterThan(0);
  for (let i = 0; i < 19; i++) await t.say(conv, word);
  expect((await savedStack(conv)).length).toBe(once);
  // and the menu still works, once
  const menu = buttons(await t.say(conv, 'menu')).map((b) => b.title);
  expect(menu.filter((b) => b === 'Check in')).toHaveLength(1);
});
