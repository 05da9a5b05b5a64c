import { isYesToOffer, parseOutcomeAnswer } from '../../core/outcomes';

describe('typed answers to an outcome question', () => {
  it.each([
    ['1', 1],
    ['5', 5],
    ['4/5', 4],
    ['3 out of 5', 3],
    ['Not true for me', 1],
    ['nope', 1],
    ['not really', 2],
    ['a little bit', 2],
    ['sort of', 3],
    ['kinda', 3],
    ['Mostly.', 4],
    ['most of the time', 4],
    ['yes!', 5],
    ['Really true for me', 5],
    ['😄', 5],
    ['😞', 1],
    ['🙂', 4],
    ['not really true', 1],
  ])('%s -> %s', (text, step) => {
    expect(parseOutcomeAnswer(text)).toBe(step);
  });

  it('reads skip and stop, and stop wins', () => {
    expect(parseOutcomeAnswer('skip')).toBe('skip');
    expect(parseOutcomeAnswer("I don't know")).toBe('skip');
    expect(parseOutcomeAnswer("haven't had help yet")).toBe('skip');
    expect(parseOutcomeAnswer('stop')).toBe('stop');
    expect(parseOutcomeAnswer('no more please')).toBe('stop');
    expect(parseOutcomeAnswer('yes but stop now')).toBe('stop');
  });

  it('asks again rather than guessing', () => {
    expect(parseOutcomeAnswer('')).toBeUndefined();
    expect(parseOutcomeAnswer('banana')).toBeUndefined();
    expect(parseOutcomeAnswer('7')).toBeUndefined();
    expect(parseOutcomeAnswer('2 or 4')).toBeUndefined();
    expect(parseOutcomeAnswer('I know where to go')).toBeUndefined();
  });

  it('reads what young people type: number words, thumbs, agree, "mostly not", and "no idea" as a skip, not "not true"', () => {
    const cases: [string, unknown][] = [
      ['four', 4], ['three out of five', 3], ['👍', 4], ['👎', 1], ['mostly not', 2], ['not very', 2], ['very', 5],
      ['agree', 4], ['disagree', 2], ['strongly agree', 5], ['strongly disagree', 1], ['yes and no', 3], ['kinda yes', 3],
      ['no idea', 'skip'], ['no clue', 'skip'], ['unsure', 'skip'],
    ];
    for (const [text, want] of cases) expect([text, parseOutcomeAnswer(text)]).toEqual([text, want]);
  });

  it('does not read a word inside another word', () => {
    expect(parseOutcomeAnswer('notable')).toBeUndefined();
    expect(parseOutcomeAnswer('yesterday')).toBeUndefined();
  });
});

describe('a yes to "shall we start?"', () => {
  it('takes a clear yes and nothing else', () => {
    for (const t of ['yes', 'OK', 'sure!', 'go on', 'Yes please']) expect(isYesToOffer(t)).toBe(true);
    for (const t of ['no', 'not now', 'maybe later', 'what is this', '']) expect(isYesToOffer(t)).toBe(false);
  });
});
