/**
 * Gaps found by scoring a fresh batch written by someone who never saw the detector (issue 3). Each case is phrased
 * differently from the batch line that exposed the gap: the fix must cover the way of saying it, not the sentence.
 */
import { createDetector, LEVEL_RANK, type Detector, type SafetyResult } from '../../core/safety';

let d: Detector;
beforeAll(() => {
  d = createDetector();
});

const raised = (r: SafetyResult) => LEVEL_RANK[r.level] >= LEVEL_RANK.safeguarding;

describe('the category a duty worker reads', () => {
  test.each([
    // violence between adults at home that the child sees is domestic abuse at home, not abuse of the child
    ['dad strangled mum last night, i saw it', 'domestic_abuse_at_home'],
    ["my mum's boyfriend chokes her when he's drunk", 'domestic_abuse_at_home'],
    ['my stepdad pushed mum down the stairs', 'domestic_abuse_at_home'],
    // a threat to post pictures or videos of them is sextortion, not bullying
    ['my ex is threatening to post videos of me', 'sexual_exploitation_or_grooming'],
    ['my ex boyfriend keeps saying he will leak pics of me', 'sexual_exploitation_or_grooming'],
    ['she said she is going to share my private photos', 'sexual_exploitation_or_grooming'],
    // a young adult's own age is not an older person's: a controlling partner is relationship abuse, not grooming
    ['my girlfriend took my bank card and my phone. im 20', 'domestic_abuse_at_home'],
    ['my husband wont let me see my family, im 23', 'domestic_abuse_at_home'],
    // other children hurting them is bullying
    ['year 10s keep kicking me on the bus', 'bullying_threats'],
    ['they said they will batter me at the gates tomorrow', 'bullying_threats'],
    // exercise as punishment for eating
    ['every time i eat i punish myself with an hour of sit ups', 'eating_disorder'],
  ])('%s -> %s', (text, category) => {
    const r = d.detect(text);
    expect(raised(r)).toBe(true);
    expect(r.category).toBe(category);
  });
});

describe('ways of saying it the rules did not know', () => {
  test.each([
    ['out on the streets since midnight, not allowed to go home', 'immediate_danger'],
    ['my brother swallowed a load of nans tablets, hes 3', 'immediate_danger'],
    ['i have been stockpiling my sertraline, i have loads now', 'suicide'],
    ['been planning my own funeral, picked the songs', 'suicide'],
    ['i take the blades out of pencil sharpeners', 'self_harm'],
    ['my teacher spotted my wrists and i told her it was the cat', 'self_harm'],
    ['whats the least calories you can eat a day and still function', 'eating_disorder'],
    ['i wear heavy clothes before the nurse weighs me so they dont see', 'eating_disorder'],
    ['everyone says im underweight but its never enough', 'eating_disorder'],
    ['hes got a knife out and is screaming at my mum', 'domestic_abuse_at_home'],
    ['the neighbours rang the police again cos my parents were fighting so bad', 'domestic_abuse_at_home'],
    ['he says hell burn the house down if mum ever leaves him', 'domestic_abuse_at_home'],
    ['i will literally stab him, i know where he lives', 'harm_to_others'],
    ['gonna put rat poison in his drink', 'harm_to_others'],
    ['we are gonna jump a year 8 and film it', 'harm_to_others'],
    ['i keep a list of everyone who bullied me, they will pay', 'harm_to_others'],
    ['they keep me at a trap house and i cant leave', 'sexual_exploitation_or_grooming'],
    ['people in year 9 keep telling me to unalive', 'bullying_threats'],
    ['someone made a fake account with my photos and the whole year has seen it', 'bullying_threats'],
    ['kids keep calling me racist names every single day', 'bullying_threats'],
    ['been sitting in the park since tea, not going to go home', 'immediate_danger'],
    ['i keep staring at the railway line when i walk the dog', 'suicide'],
    ['got new razors but theyre not for shaving', 'self_harm'],
    ['my nans lodger keeps trying to get me on my own', 'sexual_exploitation_or_grooming'],
    ['i got the belt off my dad again for being cheeky', 'abuse'],
    ['i am going to make him bleed for what he did', 'harm_to_others'],
    ['i only let myself have tea after 2 hours on the bike', 'eating_disorder'],
    ['some boys flushed my head in the school toilets', 'bullying_threats'],
    ['they keep shoving me into the lockers in the corridor', 'bullying_threats'],
  ])('%s -> %s', (text, category) => {
    const r = d.detect(text);
    expect(raised(r)).toBe(true);
    expect(r.category).toBe(category);
  });
});

describe('everyday words that are not alerts', () => {
  test.each([
    'i could strangle my sister she used all the hot water',
    'my dad will kill me if i get a bad report lol',
    'cant get out of bed on mondays',
    'what does cutting weight mean before a boxing weigh in',
    'i used to hurt myself years ago but im doing well now, just wanted to tell someone',
    'my neighbour called the police about the party next door',
    'i accidentally hit my brother with the door',
    'my mum has a black eye from hockey',
    'i got a belt for christmas',
    'taking my sharpener apart to clean it',
    'bought new razors for shaving my legs',
    'i have to tidy my room before im allowed dinner',
    'i need a knife for food tech tomorrow',
    'im gonna get the golden gun in fortnite',
    'i need the pain au chocolat from the bakery',
    'got my yellow belt at karate today',
  ])('%s', (text) => {
    expect(raised(d.detect(text))).toBe(false);
  });
});

describe('ages', () => {
  test("a young adult's own age beside a partner is not read as an older person (no grooming alert)", () => {
    for (const t of ['im 19 and i just started seeing my boyfriend', 'i am 22 and my girlfriend wants to move in']) {
      const r = d.detect(t);
      expect(raised(r)).toBe(false);
    }
  });
  test('a child with an adult partner is still raised', () => {
    const r = d.detect('im 14 and my boyfriend is 22');
    expect(raised(r)).toBe(true);
    expect(r.category).toBe('sexual_exploitation_or_grooming');
  });
});
