/**
 * A short answer read with the question it answers (content/safety/answering.json): "my step dad" as what gets in
 * the way of feeling safe is for a person to ask about; the same words as who helps, or about another area, are not.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDetector, type Answering } from '../../core/safety';
import { createDetectorFrom } from '../../core/safety/detector';
import { loadSafetyData, SAFETY_DIR } from '../../core/safety/load';
import { answeringOf } from '../../core/safety/answering';
import { ANSWERING_CORPUS_FILE, evaluate, readCorpus } from '../../scripts/safety-eval';

const detector = createDetector();
const barrier = (areas: string[]): Answering => ({ kind: 'barrier', areas });
const asked = (text: string, answering?: Answering) => detector.detect(text, { answering });

describe('answering what gets in the way of feeling safe', () => {
  it.each(['my step dad', 'the people at home', 'him', "when mum's boyfriend is drunk", 'probably my uncle tbh', 'my mums bf', 'a man'])(
    '"%s" → safeguarding, with a reason naming the question',
    (text) => {
      const r = asked(text, barrier(['being_safe']));
      expect(r.level).toBe('safeguarding');
      expect(['domestic_abuse_at_home', 'abuse']).toContain(r.category);
      expect(r.fromQuestion).toBe(true);
      expect(r.reasons[0]).toMatch(/when asked what makes it hard to feel safe/);
    },
  );

  it('the reason never quotes the young person', () => {
    const said: Array<[string, string[]]> = [
      ['my step dad', ['step dad', 'stepdad']],
      ['when mums boyfriend is drunk', ['mums', 'boyfriend', 'drunk']],
      ['him', ['him']],
    ];
    for (const [text, own] of said) {
      const reasons = asked(text, barrier(['being_safe'])).reasons.join(' ').toLowerCase();
      expect(reasons).not.toContain(text);
      for (const w of own) expect(reasons).not.toMatch(new RegExp(`\\b${w}\\b`));
    }
  });

  it('the same applies to where they live', () => {
    expect(asked('my step dad', barrier(['where_you_live'])).level).toBe('safeguarding');
    // a plan with two areas: one of them is enough
    expect(asked('my step dad', barrier(['friends', 'where_you_live'])).level).toBe('safeguarding');
  });

  it.each(['nothing', 'not my step dad', 'my step dad helps me', 'school', 'my mum is ill', 'no one', 'my phone', 'money'])(
    '"%s" is not alerted',
    (text) => {
      expect(['none', 'concern']).toContain(asked(text, barrier(['being_safe'])).level);
    },
  );

  it.each(["i'm scared of my step dad", 'my mums boyfriend drinks too much', 'my dad gets angry', 'when my uncle is drunk'])('"%s" (a person at home with drink, anger or fear) → safeguarding', (text) => {
    expect(asked(text, barrier(['being_safe'])).level).toBe('safeguarding');
  });

  it('"he" or "him" alone is not assumed to be someone at home when asked about feeling safe (home, online, out and about)', () => {
    expect(asked('him', barrier(['being_safe'])).category).toBe('abuse');
    expect(asked("when he's drunk", barrier(['being_safe']))).toMatchObject({ level: 'safeguarding', category: 'abuse' });
    // asked about where they live, it is someone at home
    expect(asked('him', barrier(['where_you_live'])).category).toBe('domestic_abuse_at_home');
    expect(asked("when he's drunk", barrier(['where_you_live']))).toMatchObject({ level: 'safeguarding', category: 'domestic_abuse_at_home' });
  });

  it.each(['she keeps taking my room', 'he snores', 'my mum says we might move', 'people at school', 'my dad shouts at the football on tv', 'my mum is scared of flying', 'my parents shout a lot but they love us', 'my dad hits the gym every morning', 'he bought me a drink at the prom'])('"%s" (a person in a longer everyday answer) is not alerted', (text) => {
    for (const areas of [['being_safe'], ['where_you_live']]) expect(['none', 'concern']).toContain(asked(text, barrier(areas)).level);
  });

  it('a brother or sister is noted, not alerted', () => {
    const r = asked('my brother', barrier(['being_safe']));
    expect(r.level).toBe('concern');
    expect(r.reasons[0]).toMatch(/noted for a person rather than alerted/);
  });
});

describe('the same words answering something else', () => {
  it('without a question, "my step dad" is nothing to act on', () => {
    expect(asked('my step dad').level).toBe('none');
    expect(detector.detect('my step dad').level).toBe('none');
  });

  it.each<[string, Answering]>([
    ['who helps you?', { kind: 'helper' }],
    ['who do you live with?', { kind: 'household', areas: ['where_you_live'] }],
    ["what's going well?", { kind: 'going_well' }],
    ['what would being safe look like?', { kind: 'goal', areas: ['being_safe'] }],
    ['what gets in the way with friends?', barrier(['friends'])],
    ['what gets in the way with school?', barrier(['education'])],
    ['what gets in the way with family?', barrier(['relationships'])],
    ['say more about feeling safe, at a good step', { kind: 'say_more', areas: ['being_safe'], step: 4 }],
  ])('answering "%s": none', (_q, answering) => {
    for (const text of ['my step dad', 'him', 'the people at home']) expect(asked(text, answering).level).toBe('none');
  });

  it('saying more after a low step for feeling safe is read like "what gets in the way"', () => {
    expect(asked('my step dad', { kind: 'say_more', areas: ['being_safe'], step: 2 }).level).toBe('safeguarding');
    expect(asked('my step dad', { kind: 'say_more', areas: ['being_safe'], step: 3 }).level).toBe('none');
  });

  it('naming a parent with drinking when asked what makes family hard is noted, not alerted', () => {
    const r = asked("when mum's boyfriend is drunk", barrier(['relationships']));
    expect(r.level).toBe('concern');
  });
});

describe('what feeling safe would look like', () => {
  const goal = (areas: string[]): Answering => ({ kind: 'goal', areas });
  it.each(['my step dad gone', 'him not being there', 'him leaving', 'not living with my mums boyfriend', 'my step dad moving out', 'my dad to stop drinking'])(
    '"%s" about feeling safe → safeguarding',
    (text) => {
      const r = asked(text, goal(['being_safe']));
      expect(r.level).toBe('safeguarding');
      expect(r.reasons[0]).toMatch(/Asked what feeling safe would look like/);
    },
  );
  it('about a settled home it is noted, not alerted (it may be a family change)', () => {
    expect(asked('my step dad moving out', goal(['where_you_live'])).level).toBe('concern');
  });
  it.each(['feeling safe walking home', 'my step dad', 'more time with my dad', 'my mum being happier', 'going out more', 'my mum to stop worrying about me', 'my dad taking me out more'])('"%s" → not alerted', (text) => {
    expect(['none', 'concern']).toContain(asked(text, goal(['being_safe'])).level);
  });
  it('the same words about friends are not read this way', () => {
    expect(asked('him leaving', goal(['friends'])).level).toBe('none');
  });
});

describe('a bare yes to a question that itself asks about something worrying', () => {
  const harm: Answering = { kind: 'asks_about_harm', about: 'domestic_abuse_at_home' };
  it.each(['yes', 'yeah', 'every night', 'yeah every night', 'yes he does'])('"%s" → safeguarding in what the question asked about', (text) => {
    const r = asked(text, harm);
    expect(r.level).toBe('safeguarding');
    expect(r.category).toBe('domestic_abuse_at_home');
    expect(r.reasons[0]).toMatch(/when Starling asked a question that is itself about something worrying/);
  });
  it.each(['no', 'not really', 'nah', 'no never'])('"%s" → not alerted', (text) => {
    expect(['none', 'concern']).toContain(asked(text, harm).level);
  });
  it('"yes" to any other question is just yes', () => {
    expect(asked('yes', { kind: 'going_well' }).level).toBe('none');
    expect(asked('every night', barrier(['being_safe'])).level).toBe('none');
  });
});

describe('the question never lowers what the message says on its own', () => {
  it('a crisis message stays a crisis, and the worker also reads what it answered', () => {
    const alone = detector.detect('my step dad hits me and i want to die');
    const read = asked('my step dad hits me and i want to die', barrier(['being_safe']));
    expect(read.level).toBe(alone.level);
    expect(read.category).toBe(alone.category);
    expect(read.reasons.slice(0, alone.reasons.length)).toEqual(alone.reasons);
  });
});

describe('the context itself', () => {
  it('odd stored values are dropped, not trusted', () => {
    expect(answeringOf(undefined)).toBeUndefined();
    expect(answeringOf({ kind: 'nonsense' })).toBeUndefined();
    expect(answeringOf({ kind: 'barrier', areas: ['being_safe', 'mars', 3], step: 9, about: 'x' })).toEqual({ kind: 'barrier', areas: ['being_safe'] });
    expect(answeringOf({ kind: 'say_more', areas: ['being_safe'], step: 2 })).toEqual({ kind: 'say_more', areas: ['being_safe'], step: 2 });
  });

  it('a bad rule file names the file and the rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'answering-'));
    cpSync(SAFETY_DIR, dir, { recursive: true });
    const file = path.join(dir, 'answering.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.rules[0].kinds = ['who_knows'];
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadSafetyData(dir)).toThrow(/answering\.json at rules\.0\.kinds.*\(id "barrier-safe-home-person"\)|answering\.json at rules\.0/);
  });

  it('without the rule file, messages are read on their own', () => {
    const { answering: _drop, ...rest } = loadSafetyData();
    const plain = createDetectorFrom(rest);
    expect(plain.detect('my step dad', { answering: barrier(['being_safe']) }).level).toBe('none');
  });
});

describe('the hand-written answers corpus (test/safety/answering-corpus.jsonl, as npm run safety:eval reports it)', () => {
  const lines = readCorpus(ANSWERING_CORPUS_FILE);

  it('every answer a person should ask about is raised, and no harmless or noted one is', () => {
    const r = evaluate(detector, lines);
    expect(r.misses.map((m) => `${m.text} ${JSON.stringify(m.answering)}`)).toEqual([]);
    expect(r.falseAlarms.map((m) => `${m.text} ${JSON.stringify(m.answering)}`)).toEqual([]);
    expect(r.positives).toBeGreaterThanOrEqual(30);
    expect(r.harmless).toBeGreaterThanOrEqual(60);
  });

  it('read without their question, most of those answers are missed (what the question adds)', () => {
    const alone = evaluate(detector, lines.map(({ answering: _q, ...l }) => l));
    expect(alone.recall).toBeLessThan(0.5);
  });
});
