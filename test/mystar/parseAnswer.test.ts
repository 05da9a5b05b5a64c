import { parseLocalArea, parseStepAnswer } from '../../core/mystar/parseAnswer';
import { AGE_BANDS } from '../../core/ageBands';

describe('parseStepAnswer: typed answers of every kind', () => {
  it.each([
    ['1', 1], ['5', 5], [' 3 ', 3], ['3/5', 3], ['4 out of 5', 4], ['2 of 5', 2], ['step 2', 2], ['a 4 i think', 4],
    ['one', 1], ['Five', 5], ['three!', 3],
    ['red', 1], ['Orange', 2], ['amber', 2], ['yellow', 3], ['GREEN', 4], ['blue', 5], ["it's green", 4],
    ['not great', 2], ['really good', 5], ['meh', 3], ['ok', 3], ['okay', 3], ['alright', 3], ['so-so', 3],
    ['good', 4], ['pretty good', 4], ['great', 5], ['amazing', 5], ['terrible', 1], ['really bad', 1],
    ['not good', 2], ['not good at all', 1], ['not bad', 3], ['Not great tbh', 2], ['really not good', 1],
    ['it’s been really good', 5], ['could be better', 2], ['up and down', 3],
    ['😀', 5], ['😢', 1], ['🙂', 4], ['😐', 3], ['🙁', 2], ['☹️', 2], ['😄😄', 5], ['🟩', 4], ['🔴', 1],
  ])('%s -> %s', (text, expected) => {
    expect(parseStepAnswer(text, '12-15')).toBe(expected);
  });

  it.each([
    ['skip', 'skip'], ['Skip this one', 'skip'], ['pass', 'skip'], ['next', 'skip'], ["I'd rather not say", 'skip'],
    ['pause', 'pause'], ['later', 'pause'], ['can we do this later', 'pause'], ['take a break', 'pause'],
    ['stop', 'stop'], ['STOP!', 'stop'], ['I want to stop', 'stop'], ["I'm done", 'stop'], ['quit', 'stop'],
    ['help', 'help'], ['?', 'help'], ['what do you mean', 'help'], ['not sure', 'help'], ['idk', 'help'],
  ])('%s -> %s', (text, expected) => {
    expect(parseStepAnswer(text, '8-11')).toBe(expected);
  });

  it.each([
    ['9'], ['0'], ['6/5'], ['banana'], [''], ['   '], ['2 or 3'], ['between good and bad'], ['red or green'], ['🍕'],
    ['my friends are nice but school is terrible'],
  ])('%s is unclear (re-ask, never a guess)', (text) => {
    expect(parseStepAnswer(text, '16-25')).toBeUndefined();
  });

  it.each([
    ['not too bad', 'not bad'], ['not so bad', 'not bad'], ['not that bad', 'not bad'], ['not really bad', 'not bad'], ['not very bad', 'not bad'],
    ['not too good', 'not good'], ['not too great', 'not great'], ['not so great', 'not great'], ['not that great', 'not great'],
    ['not really good', 'not good'], ['not really great', 'not great'], ['not very great', 'not great'],
    ['not as good', 'not great'], ['not as great', 'not great'], ['not as good as before', 'not great'], ['not as bad', 'not bad'],
  ])('"%s" is the same step as "%s" (a softer "not" does not flip or sink the answer)', (softer, plain) => {
    for (const band of AGE_BANDS) expect(parseStepAnswer(softer, band)).toBe(parseStepAnswer(plain, band));
  });

  it('does not read a control word out of a long sentence', () => {
    expect(parseStepAnswer('people at school will not stop calling me names every single day', '12-15')).toBeUndefined();
  });

  it('understands band-specific words only in their band', () => {
    expect(parseStepAnswer('sick', '12-15')).toBe(5);
    expect(parseStepAnswer('sick', '8-11')).toBeUndefined();
    expect(parseStepAnswer('sad', '8-11')).toBe(1);
  });

  it('works in every band for the common answers', () => {
    for (const band of AGE_BANDS) {
      expect(parseStepAnswer('3', band)).toBe(3);
      expect(parseStepAnswer('not great', band)).toBe(2);
      expect(parseStepAnswer('skip', band)).toBe('skip');
    }
  });
});

describe('parseLocalArea', () => {
  it.each([
    ['Coventry', 'coventry'], ['cov', 'coventry'], ['I live in Nuneaton', 'warwickshire'], ['Leamington Spa', 'warwickshire'],
    ['bucks', 'buckinghamshire'], ['High Wycombe', 'buckinghamshire'], ['Milton Keynes', 'milton_keynes'], ['MK', 'milton_keynes'],
    ['Bletchley', 'milton_keynes'], ['somewhere else', 'elsewhere'], ['none of those', 'elsewhere'],
  ])('%s -> %s', (text, expected) => {
    expect(parseLocalArea(text)).toBe(expected);
  });

  it.each([['London?? no wait'], ['banana'], ['']])('%s is unclear', (text) => {
    expect(parseLocalArea(text)).toBeUndefined();
  });

  it('does not mistake Stony Stratford (Milton Keynes) for Stratford-upon-Avon', () => {
    expect(parseLocalArea('Stony Stratford')).toBe('milton_keynes');
    expect(parseLocalArea('Stratford upon Avon')).toBe('warwickshire');
  });
});
