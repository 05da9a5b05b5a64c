/**
 * A message framed as school work, a lesson or the news in one sentence, whose other sentences go on with that topic
 * without speaking of the young person or anyone close to them, is noted rather than alerted (core/safety/detector.ts,
 * the fiction/framing step). Disclosures beside the same framing still alert.
 */
import { createDetector, LEVEL_RANK, type Detector } from '../../core/safety';

let d: Detector;
beforeAll(() => {
  d = createDetector();
});

const raised = (text: string) => LEVEL_RANK[d.detect(text).level] >= LEVEL_RANK.safeguarding;

describe('a topic question in the sentence after (or before) a lesson or coursework is not raised', () => {
  const framed: Array<[string, string]> = [
    ['for my chemistry coursework i picked paracetamol. why is an overdose so bad for the liver?', 'why is an overdose so bad for the liver?'],
    ['in re today we debated euthanasia. someone said old people would feel like a burden', 'someone said old people would feel like a burden'],
    ['what is the difference between anorexia and bulimia? its for a health and social care assignment', 'what is the difference between anorexia and bulimia?'],
  ];
  test.each(framed)('%s', (text, alone) => {
    expect(raised(text)).toBe(false);
    // the same sentence on its own is still raised: the framing sentence is what makes the difference
    expect(raised(alone)).toBe(true);
  });
});

describe('a disclosure beside the same kind of framing is still raised', () => {
  test.each([
    'we did a lesson on grooming in pshe. an older man online keeps asking me for pics',
    'we watched a film about domestic abuse in pshe. my dad hits my mum',
    'we had an assembly about knife crime. how many paracetamol would it take to die',
    'we had an assembly about self harm. been cutting again',
  ])('%s', (text) => {
    expect(raised(text)).toBe(true);
  });
});

describe('in the same sentence as a film or lesson, a phrase whose subject is the young person still alerts', () => {
  test.each(['that documentary about self harm made me want to cut again', 'watched a documentary last night, i want to die'])('%s', (text) => {
    expect(raised(text)).toBe(true);
  });
  test('a game character named with "my" is still fiction', () => {
    expect(raised('dnd session tonight, my character is gonna poison the king')).toBe(false);
  });
});
