import { AGE_BANDS } from '../../core/ageBands';
import { createWords } from '../../core/i18n';
import { itemById, loadBank, outcomeItemCard, parseOutcomeAnswer, readOutcomeReply } from '../../core/outcomes';

const w = createWords();
const bank = loadBank();

function actions(card: any): any[] {
  const out: any[] = [];
  const walk = (x: any) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (x.type === 'Action.Submit') out.push(x);
      Object.values(x).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('outcome question card', () => {
  it.each(AGE_BANDS)('band %s: the statement, five answers naming the item, a comment box, skip and stop', (band) => {
    const item = itemById(bank, '3.6')!;
    const c = outcomeItemCard({ words: w, band, item, n: 7, total: 10 });
    const body = JSON.stringify(c.body);
    expect(body).toContain(JSON.stringify(w.t(item.key, { band })).slice(1, -1));
    expect(body).toContain('7 of 10');
    const a = actions(c);
    const answers = a.filter((x) => x.data.answer);
    expect(answers.map((x) => x.data)).toEqual([1, 2, 3, 4, 5].map((answer) => ({ kind: 'outcomes.answer', item: '3.6', answer })));
    expect(answers[0].title).toContain(band === '8-11' ? '😞' : 'Not true for me');
    expect(answers[4].title).toContain('Really true for me');
    if (band === '8-11') for (const x of answers) expect(x.title).toMatch(/\p{Extended_Pictographic}/u);
    else for (const x of answers) expect(x.title).not.toMatch(/\p{Extended_Pictographic}/u);
    // 3.6 is about services: skipping says "I haven't had help yet"
    expect(a.find((x) => x.data.skip).title).toBe(w.t('outcomes:skipServices', { band }));
    // stop and help are the main dialog's: they work the same on every question
    expect(a.filter((x) => x.data.kind === 'nav').map((x) => x.data.intent)).toEqual(['stop', 'help']);
    expect((c.body as any[]).some((b) => b.type === 'Input.Text' && b.id === 'comment')).toBe(true);
  });

  it('an item that is not about services offers a plain skip', () => {
    const a = actions(outcomeItemCard({ words: w, band: '12-15', item: itemById(bank, '1.1')!, n: 1, total: 10 }));
    expect(a.find((x) => x.data.skip).title).toBe('Skip');
  });
});

describe('reading a reply to an outcome question', () => {
  const read = (text: string, value?: Record<string, unknown>) => readOutcomeReply({ text, value }, '3.6', parseOutcomeAnswer);

  it('takes a press with its comment, trimmed', () => {
    expect(read('', { kind: 'outcomes.answer', item: '3.6', answer: 2, comment: '  long wait ' })).toEqual({ answer: 2, comment: 'long wait' });
    expect(read('', { kind: 'outcomes.answer', item: '3.6', skip: true, comment: '' })).toEqual({ answer: 'skip' });
    expect(read("I'm done")).toEqual({ answer: 'stop' });
  });

  it('marks a press on a card for another item as stale, and a forged answer as unclear', () => {
    expect(read('', { kind: 'outcomes.answer', item: '4.10', answer: 5 })).toEqual({ stale: true });
    expect(read('', { kind: 'outcomes.answer', item: '3.6', answer: 9 })).toEqual({});
    expect(read('', { kind: 'outcomes.answer', item: '3.6', answer: '2; drop' })).toEqual({});
    expect(read('', { kind: 'outcomes.answer', item: '3.6', stop: true })).toEqual({});
  });

  it('reads typed text', () => {
    expect(read('mostly')).toEqual({ answer: 4 });
    expect(read('what?')).toEqual({ answer: undefined });
  });

  it('reads an answer typed with a reason, and keeps the reason as their comment', () => {
    expect(read('not really, my teacher never listens')).toEqual({ answer: 2, comment: 'not really, my teacher never listens' });
    expect(read("idk because I haven't had any help yet")).toEqual({ answer: 'skip', comment: "idk because I haven't had any help yet" });
    expect(read('a bit true')).toEqual({ answer: 2 });
    expect(read('what does that even mean')).toEqual({ answer: undefined });
  });

  it('does not stop at a word like "done" or "end" inside a comment, but does when the reply starts with stop', () => {
    expect(read('not really, it all got done over the phone')).toEqual({ answer: 2, comment: 'not really, it all got done over the phone' });
    expect(read('mostly but it had to end before I was ready')).toEqual({ answer: 4, comment: 'mostly but it had to end before I was ready' });
    expect(read('my sessions end next week')).toEqual({ answer: undefined });
    expect(read("stop, I'm tired now")).toEqual({ answer: 'stop' });
    expect(read("I'm done")).toEqual({ answer: 'stop' });
  });
});
