/** Shared steps for the journey tests: meet Starling as a young person of a given age and area, and answer a whole check-in by typing. */
import type { SentActivity } from '../support/replySink';
import type { TestApp } from '../support/testApp';

/** The first meeting, typed: age, OK to the privacy notice, no nickname, where they live. Ends at "what's going well?". */
export async function meet(t: TestApp, conv: string, age: string, area = 'Coventry'): Promise<SentActivity[]> {
  await t.join(conv);
  await t.say(conv, 'check in');
  await t.say(conv, age);
  await t.say(conv, 'ok');
  await t.say(conv, 'skip');
  return t.say(conv, area);
}

/**
 * Answers the eight areas by typing (being safe, confidence, physical health, friends, where you live,
 * education, feelings, relationships), saying "no" to each "want to say more?". Returns the replies to the last "no".
 */
export async function answerAll(t: TestApp, conv: string, steps: string[]): Promise<SentActivity[]> {
  let r: SentActivity[] = [];
  for (const s of steps) {
    await t.say(conv, s);
    r = await t.say(conv, 'no');
  }
  return r;
}
