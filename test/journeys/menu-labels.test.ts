/**
 * The menu's "Questions about getting help" opened a 10-question survey. Next to "Get help now", a young
 * person with a question about getting help would press it and be surveyed instead. The label now says
 * what it is: having their say.
 */
import { buttons, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each(['9', '14', '20'])('age %s: the survey button on the menu says it is for having their say, and typing that opens it', async (age) => {
  const conv = `label-${age}`;
  await meet(t, conv, age);
  const menu = await t.say(conv, 'stop');
  const survey = buttons(menu).find((b) => (b.data as { intent?: string })?.intent === 'outcomes');
  expect(survey).toBeDefined();
  expect(survey!.title).not.toMatch(/^questions about/i);
  expect(survey!.title).toMatch(/your say/i);
  expect(visibleText(await t.say(conv, 'have your say'))).toMatch(/quick questions/i);
});
