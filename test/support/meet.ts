/** Takes a new young person through the first meeting as a 14-year-old in Coventry, ending at the check-in's "what's going well?". */
import type { SentActivity } from './replySink';
import type { TestApp } from './testApp';

export async function meetAs14(t: TestApp, conv: string): Promise<SentActivity[]> {
  await t.join(conv);
  await t.say(conv, 'check in');
  await t.say(conv, '14');
  await t.say(conv, 'ok');
  await t.say(conv, 'skip');
  return t.say(conv, 'Coventry');
}
