/** The check-in reached through the real app (menu router, safety middleware) over HTTP. */
import { startTestApp, TestApp } from '../../support/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const texts = (r: { text?: string; attachments?: { content?: unknown }[] }[]) =>
  r.map((a) => `${a.text ?? ''} ${JSON.stringify(a.attachments ?? [])}`).join('\n');

it('typing "check in" at the menu starts the first meeting, then the check-in, and a step press is recorded', async () => {
  await app.join('c1');
  let r = await app.say('c1', 'check in');
  expect(texts(r)).toMatch(/how old are you/i);
  r = await app.say('c1', '14');
  r = await app.say('c1', 'ok');
  r = await app.say('c1', 'skip');
  r = await app.say('c1', 'Coventry');
  expect(texts(r)).toMatch(/going well/);
  r = await app.say('c1', 'music');
  const m = /"checkInId":"([^"]+)"/.exec(texts(r));
  expect(m).not.toBeNull();
  r = await app.press('c1', { kind: 'mystar.step', checkInId: m![1], area: 'being_safe', step: 4 });
  expect(texts(r)).toMatch(/say more/i);
});
