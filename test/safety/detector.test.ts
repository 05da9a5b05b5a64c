import { createDetector, LEVEL_RANK, type Detector, type SafetyResult } from '../../core/safety';

let d: Detector;
beforeAll(() => {
  d = createDetector();
});

const raised = (r: SafetyResult) => LEVEL_RANK[r.level] >= LEVEL_RANK.safeguarding;

describe('per-category disclosures are raised with a category and plain-words reasons', () => {
  const cases: Array<[string, string, 'crisis' | 'safeguarding']> = [
    ['i want to kill myself tonight', 'suicide', 'crisis'],
    ['i dont want to be here anymore', 'suicide', 'crisis'],
    ['i keep cutting myself', 'self_harm', 'safeguarding'],
    ['my stepdad hits me when mum is out', 'abuse', 'safeguarding'],
    ['my uncle touches me and says its our secret', 'abuse', 'safeguarding'],
    ['there is never any food in the house and mum doesnt come home', 'abuse', 'safeguarding'],
    ['he says he will send my nudes to everyone unless i pay him', 'sexual_exploitation_or_grooming', 'crisis'],
    ['older lads asked me to hold packages for them', 'sexual_exploitation_or_grooming', 'safeguarding'],
    ['my dad hits my mum', 'domestic_abuse_at_home', 'safeguarding'],
    ['i think my drink was spiked', 'immediate_danger', 'crisis'],
    ['i have nowhere to sleep tonight', 'immediate_danger', 'crisis'],
    ['im going to bring a knife to school', 'harm_to_others', 'safeguarding'],
    ['i make myself sick after i eat', 'eating_disorder', 'safeguarding'],
    ['they said they are going to jump me after school', 'bullying_threats', 'safeguarding'],
  ];
  test.each(cases)('%s -> %s', (text, category, level) => {
    const r = d.detect(text);
    expect(r.category).toBe(category);
    expect(r.level).toBe(level);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) expect(reason).toMatch(/[a-z]{3,} /i);
  });

  test('abuse and exploitation carry a subcategory', () => {
    expect(d.detect('my uncle touched me down there').subcategory).toBe('sexual');
    expect(d.detect('my dad punches me').subcategory).toBe('physical');
    expect(d.detect('i have been going country for some older boys').subcategory).toBe('county_lines');
  });

  test('reasons do not quote what the young person wrote', () => {
    const r = d.detect('my uncle zorblax touched me down there');
    expect(r.reasons.join(' ')).not.toMatch(/zorblax/);
  });
});

describe("young people's spelling, slang, algospeak and emoji", () => {
  test.each([
    'i wanna kms',
    'k i l l myself',
    'k.i.l.l m.y.s.e.l.f',
    'su1c1dal',
    'im sucidal',
    'thinking about sewerslide',
    'i want to unalive myself',
    'gonna k*ll myself',
    'want to end it all 💊💊',
  ])('%s is raised as suicide', (text) => {
    const r = d.detect(text);
    expect(raised(r)).toBe(true);
    expect(r.category).toBe('suicide');
  });

  test('"SH", "grape" and "seggs" algospeak are understood', () => {
    expect(d.detect('i sh when im stressed').category).toBe('self_harm');
    expect(raised(d.detect('i got graped at a party'))).toBe(true);
    expect(raised(d.detect('he forced me to have seggs'))).toBe(true);
  });

  test('"kys" said about someone else telling them is bullying; a friend\'s "kys lol" is not an alert', () => {
    expect(d.detect('people at school keep telling me to kys').category).toBe('bullying_threats');
    expect(raised(d.detect('people at school keep telling me to kys'))).toBe(true);
    expect(raised(d.detect('kys lol youre so funny'))).toBe(false);
  });
});

describe('hard negatives: idioms, gaming, sport, school and everyday sadness raise no alert', () => {
  test.each([
    "i'm dying of laughter 😂",
    'this homework is killing me',
    'i could murder a pizza',
    'i killed him in fortnite',
    'we beat them 3-0 on saturday',
    'my dad beat me at chess again',
    'we learned about ww2 in history today',
    'in biology we did a lesson on how cuts heal',
    'i cut my finger cooking tea',
    'i feel a bit down today',
    'my hamster died and im sad',
    "i'm starving, what's for tea",
    'my mum is going to kill me when she sees my report',
    'bye everyone see you tomorrow at school',
    'i spiked my hair for the party',
  ])('%s', (text) => {
    expect(raised(d.detect(text))).toBe(false);
  });
});

describe('negation and tense', () => {
  test('a negated statement is noted as a concern, not alerted', () => {
    const r = d.detect("I'm not going to kill myself");
    expect(r.level).toBe('concern');
    expect(r.reasons.join(' ')).toMatch(/negation/);
  });
  test('a past, resolved experience is a concern; the same words now are an alert', () => {
    const past = d.detect('i used to self harm years ago but im fine now');
    expect(past.level).toBe('concern');
    expect(past.reasons.join(' ')).toMatch(/past/);
    expect(raised(d.detect('i used to self harm and i started again last week'))).toBe(true);
    expect(d.detect('im going to kill myself').level).toBe('crisis');
  });
  test('historical abuse is still a disclosure', () => {
    expect(raised(d.detect('when i was little my uncle abused me'))).toBe(true);
  });
  test('"I don\'t want to live" is not mistaken for a negation', () => {
    expect(d.detect("i don't want to live anymore").level).toBe('crisis');
  });
});

describe('third-party disclosures, questions that are disclosures, method questions', () => {
  test('a friend or sibling at risk is positive', () => {
    expect(d.detect('my friend said she wants to kill herself').level).toBe('crisis');
    expect(d.detect('my sister has been cutting herself').category).toBe('self_harm');
    expect(raised(d.detect('my friend gets hit by her dad'))).toBe(true);
  });
  test('"is it normal that..." questions are read as disclosures', () => {
    expect(raised(d.detect('is it normal that my dad hits me with a belt'))).toBe(true);
    expect(raised(d.detect('is it normal that my stepdad comes into my room at night'))).toBe(true);
  });
  test('a method question with a cover story is crisis', () => {
    const r = d.detect('for a school project how many paracetamol would kill someone');
    expect(r.level).toBe('crisis');
    expect(r.category).toBe('suicide');
  });
  test('indirect signals: goodbyes, giving things away, saving tablets, better off without me', () => {
    for (const t of ['goodbye everyone, thanks for everything', 'my brother can have my xbox when im gone', 'ive been saving up my tablets', 'everyone would be better off without me', "i won't be around after friday"]) {
      expect(d.detect(t).level).toBe('crisis');
    }
  });
});

describe('context from earlier messages', () => {
  test('an ambiguous message is raised by an earlier one and the reason says so', () => {
    const alone = d.detect("I've got the tablets ready");
    expect(raised(alone)).toBe(false);
    const withCtx = d.detect("I've got the tablets ready", { recent: ['hi', "I don't want to be here anymore"] });
    expect(withCtx.level).toBe('crisis');
    expect(withCtx.reasons.join(' ')).toMatch(/earlier message/);
  });
  test('harmless earlier messages do not raise it', () => {
    expect(raised(d.detect("I've got the tablets ready", { recent: ['i have a headache', 'hi'] }))).toBe(false);
  });
});

describe('bad input never throws and still gets a valid result', () => {
  const valid = (r: SafetyResult) => {
    expect(['crisis', 'safeguarding', 'concern', 'none']).toContain(r.level);
    expect(Array.isArray(r.reasons)).toBe(true);
  };
  test('empty, whitespace, binary-looking and mixed-language text', () => {
    for (const t of ['', '   \n\t ', '\u0000\u0001\u0002\ufffd\ud83d', 'Привет, 你好, مرحبا, hola', '%%%@@@$$$!!!***']) {
      const r = d.detect(t);
      valid(r);
      expect(r.level).toBe('none');
    }
    valid(d.detect(undefined as unknown as string));
    valid(d.detect(12345 as unknown as string));
  });
  test('a disclosure in another language mix is still found', () => {
    expect(raised(d.detect('hola, estoy triste... i want to kill myself'))).toBe(true);
  });
  test('a 20,000-character message is scanned in full: a disclosure at the end is found', () => {
    const filler = 'we went to the park and played football and had chips. '.repeat(400).slice(0, 19960);
    const text = `${filler} my stepdad touches me at night`;
    expect(text.length).toBeGreaterThanOrEqual(19990);
    const r = d.detect(text);
    expect(r.category).toBe('abuse');
    expect(raised(r)).toBe(true);
    expect(raised(d.detect(filler))).toBe(false);
  });
  test('pathological repetition stays valid (linear-time scanning)', () => {
    valid(d.detect('a '.repeat(10000)));
    valid(d.detect('kill '.repeat(4000)));
    valid(d.detect('k i l l '.repeat(2500)));
  });
});

describe('coverage by structure, not by memorised sentences', () => {
  test.each([
    // who + harm verb + whom, with words in between
    ['somebody has been hurting me', 'abuse'],
    ['my step mum keeps pinching me really hard', 'abuse'],
    ['they always hit me when i get it wrong', 'abuse'],
    ['my dad twisted my arm behind my back', 'abuse'],
    // fear + home
    ['its really scary at home', 'domestic_abuse_at_home'],
    ['home is not a safe place for me', 'domestic_abuse_at_home'],
    ['i dread going home because of what he does', 'domestic_abuse_at_home'],
    // indirect suicide signals
    ['i wrote letters for my family to find', 'suicide'],
    ['i cant face another night like this', 'suicide'],
    ['if i dont reply tomorrow you know why', 'suicide'],
    // grooming: secrecy, more pictures, an adult's age
    ['he wants more pics and says to delete our chats so my mum wont see', 'sexual_exploitation_or_grooming'],
    ['im dating a 27 year old', 'sexual_exploitation_or_grooming'],
    // neglect, eating disorder, threats
    ['mum forgot to feed us again all weekend', 'abuse'],
    ['i hide my dinner so they think i ate it', 'eating_disorder'],
    ['a gang said they will cut me after school', 'bullying_threats'],
  ])('%s -> raised (%s)', (text, category) => {
    const r = d.detect(text);
    expect(raised(r)).toBe(true);
    expect(r.category).toBe(category);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  test.each([
    'he hurt my feelings at lunch',
    'my sister hit me with a pillow lol',
    'the haunted house at the fair was so scary',
    'i dont want to go home yet, this party is great',
    'my sister is 19 and her boyfriend is 21',
    'i ended things with my boyfriend',
    'he followed me back on insta',
    'my cat scratched my arm',
    'my grandma takes loads of tablets for her heart',
    'my brother kicked my door cos i took his charger',
  ])('%s -> not raised', (text) => {
    expect(raised(d.detect(text))).toBe(false);
  });
});
