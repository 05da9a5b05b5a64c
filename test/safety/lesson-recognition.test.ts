/**
 * A lesson, assembly or video is often what lets a young person see that something is happening to them. Talk about
 * a topic is softened (rules.fictionCues, topic masks), but not when they say it is about them or someone close
 * (rules.recognitionCues): then the message is read as a disclosure.
 */
import { createDetector, LEVEL_RANK } from '../../core/safety';

const detector = createDetector();
const raised = (text: string) => LEVEL_RANK[detector.detect(text).level] >= LEVEL_RANK.safeguarding;

describe('a lesson that made them see it is happening to them is a disclosure', () => {
  it.each([
    ['we had a pshe lesson on self harm and it made me realise i do it too', 'self_harm'],
    ['we learned about grooming in pshe and the man i talk to online does all of those things', 'sexual_exploitation_or_grooming'],
    ['we did a lesson on grooming. the man i talk to online does all of those things', 'sexual_exploitation_or_grooming'],
    ['in citizenship we did county lines and thats literally what my brother is doing, he runs for them', 'sexual_exploitation_or_grooming'],
  ])('%j alerts (%s)', (text, category) => {
    const r = detector.detect(text);
    expect(LEVEL_RANK[r.level]).toBeGreaterThanOrEqual(LEVEL_RANK.safeguarding);
    expect(r.category).toBe(category);
  });

  it('a video in assembly that shows what a parent does at home alerts', () => {
    expect(raised('we watched a video about domestic abuse in assembly and thats exactly what my dad does to my mum')).toBe(true);
  });
});

describe('a lesson that taught them something, with nothing about themselves, is not', () => {
  it.each([
    'we had a pshe lesson on self harm, it made me realise how important it is to talk to someone',
    'the assembly on county lines made me realise how lucky i am',
    'we did a lesson about grooming and i realised i knew all the warning signs already',
  ])('%j does not alert', (text) => {
    expect(raised(text)).toBe(false);
  });
});
