/**
 * The help menu says "Pick one, or type it in your own words", but only a button's exact label was
 * understood: "my nan died", "exams", "i feel sad" all got "I'm not sure which of these fits".
 * Everyday words for the topics now lead to the right support.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each([
  ['my nan died', /Winston's Wish|Childline/],
  ['stressed about exams', /help with that|people above/i],
  ['i feel sad', /help with that|people above/i],
  ['im gay', /Switchboard|Mermaids|help with that/],
  ['school', /help with that|people above/i],
  ['someone died', /Winston's Wish|Childline|help with that/],
  ['my friends', /help with that|people above/i],
  ['cant sleep', /help with that|people above/i],
])('a 15-year-old typing "%s" at the help menu gets support for it', async (said, expected) => {
  const conv = `own-${said.replace(/\W+/g, '-')}`;
  await meet(t, conv, '15');
  await t.say(conv, 'stop');
  await t.say(conv, 'help');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/not sure which of these fits/i);
  expect(r).toMatch(expected);
});

it('words that fit nothing are still asked again, gently', async () => {
  await meet(t, 'own-none', '12');
  await t.say('own-none', 'stop');
  await t.say('own-none', 'help');
  expect(visibleText(await t.say('own-none', 'purple elephant'))).toMatch(/not sure which of these fits/i);
});

describe('content/help-words.json', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');
  const { helpWords } = require('../../dialogs/help/needs') as typeof import('../../dialogs/help/needs');
  const write = (needs: unknown) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'help-words-')), 'help-words.json');
    fs.writeFileSync(f, JSON.stringify({ needs }));
    return f;
  };

  it('loads, with words for topics only', () => {
    expect(helpWords().map((x) => x.need)).toContain('bereavement');
  });

  it('refuses words for a disclosure need (those belong to the safety check) and unknown needs', () => {
    expect(() => helpWords(write({ self_harm: ['cut'] }))).toThrow(/needs\.self_harm is a disclosure/);
    expect(() => helpWords(write({ homework_club: ['maths'] }))).toThrow(/needs\.homework_club is not a need/);
  });
});
