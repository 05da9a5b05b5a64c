/**
 * What young people type back to Starling's own questions ("I don't want to answer", "every 3 days") must not page a
 * duty worker or tell them "what you've described isn't OK". The trained classifier read "don't want to ..." as
 * suicide; these lines are kept out of its training on purpose (they test the reply masks in content/safety), and the
 * rules still catch the same words when they say more.
 */
import { createDetector, LEVEL_RANK, type Detector } from '../../core/safety';

let d: Detector;
beforeAll(() => {
  d = createDetector();
});

const REPLIES = [
  "i dont want to answer",
  "i dont want to answer that",
  "i don't want to do this",
  "i dont want to do this",
  "i dont want to do this check in",
  "i don't want to do the questions",
  "i dont want to do the questions rn",
  "i dont want to say",
  "i'd rather not say",
  "rather not say tbh",
  "i don't want to tell you that",
  "i dont want to talk about it right now",
  "do i have to answer",
  "can we skip this one",
  "i dont want reminders",
  "i don't want a reminder",
  "no i dont want reminders thanks",
  "every 3 days",
  "every 3 days pls",
  "every day",
  "once a week",
  "every week",
  "every 2 weeks",
  "fortnightly",
  "not today",
  "maybe later",
  "i dont know what to put",
  "i dont want to choose",
  "i dont want to pick any",
  "none of them",
  "i dont want any of them",
  "no thanks i dont want to",
  "i dont want to make a plan",
  "i dont want to give my age",
  "i dont want to say where i live",
  "i dont want to delete my data",
  "i dont want to carry on with the check in",
  "stop asking me questions",
  "can we stop now",
  "want to say more? no",
  "no i dont want to say more",
  "i dont want to fill this in",
  "this is boring i dont want to do it",
  "i dont want anyone to see my answers",
  "Want to say more? You don't have to.",
  "i dont want to go on the school trip",
  "i dont want to carry on with my homework",
];

test.each(REPLIES)('a reply to Starling, %j, raises nothing a duty worker must see', (text) => {
  expect(LEVEL_RANK[d.detect(text).level]).toBeLessThan(LEVEL_RANK.safeguarding);
});

test.each([
  ["i don't want to do this anymore", 'suicide'],
  ["i dont want to answer, i just want to die", 'suicide'],
  ['i dont want to say but my dad hits me', 'abuse'],
  ["i don't want to go on", 'suicide'],
  ["i dont want to carry on anymore", 'suicide'],
  ["i dont want to go on living like this", 'suicide'],
  ["i dont want to be here anymore", 'suicide'],
  ['every day i cut myself', 'self_harm'],
  ['he makes me do it every week and says not to tell', null],
])('the same words saying more, %j, still alert', (text, category) => {
  const r = d.detect(text);
  expect(LEVEL_RANK[r.level]).toBeGreaterThanOrEqual(LEVEL_RANK.safeguarding);
  if (category) expect(r.category).toBe(category);
});
