import { createWords } from '../../core/i18n';
import { AGE_BANDS } from '../../core/ageBands';
import { AREA_IDS } from '../../core/records/types';
import {
  areaCard, chosenGoalAreas, deleteConfirmCard, goalAreasCard, localAreaCard, parseCardSubmission, privacyCard,
  resumeCard, sayMoreCard, strengthsCard,
} from '../../core/mystar/cards';
import { parseStepAnswer } from '../../core/mystar/parseAnswer';

const w = createWords();

/** Every Action.Submit anywhere in a card. */
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
const texts = (card: any) => JSON.stringify(card.body);

describe('area cards', () => {
  it.each(AGE_BANDS)('band %s: the band question, five colour-coded steps with label and emoji, and skip/pause/stop/help', (band) => {
    const c = areaCard({ words: w, band, checkInId: 'c1', area: 'friends' });
    expect(c.version).toBe('1.5');
    expect(c.type).toBe('AdaptiveCard');
    expect(texts(c)).toContain(w.t('mystar:areas.friends.question', { band }));
    expect(texts(c)).toContain('4 of 8');
    const a = actions(c);
    const steps = a.filter((x) => x.data.kind === 'mystar.step');
    expect(steps.map((x) => x.data)).toEqual([1, 2, 3, 4, 5].map((step) => ({ kind: 'mystar.step', checkInId: 'c1', area: 'friends', step })));
    expect(steps.map((x) => x.title.slice(0, 2))).toEqual(['🟥', '🟧', '🟨', '🟩', '🟦']);
    expect(steps[0].title).toContain(w.t('mystar:steps.1', { band }));
    expect(steps[4].title).toContain('😄');
    expect(a.filter((x) => x.data.kind !== 'mystar.step').map((x) => x.data.kind)).toEqual(['mystar.skip', 'mystar.pause', 'mystar.stop', 'mystar.help']);
  });

  it('every step button has a typed alternative that the parser reads as the same step', () => {
    for (const band of AGE_BANDS) {
      const c = areaCard({ words: w, band, checkInId: 'c1', area: 'being_safe' });
      for (const s of actions(c).filter((x) => x.data.kind === 'mystar.step')) {
        const label = w.t(`mystar:steps.${s.data.step}`, { band });
        expect([band, label, parseStepAnswer(label, band)]).toEqual([band, label, s.data.step]);
        expect(parseStepAnswer(String(s.data.step), band)).toBe(s.data.step);
      }
      expect(texts(c)).toMatch(/type/i);
    }
  });

  it('each ActionSet has at most 6 buttons (Teams)', () => {
    const c = areaCard({ words: w, band: '8-11', checkInId: 'c1', area: 'friends' }) as any;
    for (const b of c.body.filter((x: any) => x.type === 'ActionSet')) expect(b.actions.length).toBeLessThanOrEqual(6);
  });
});

describe('other cards', () => {
  it('strengths and say-more have a text box and a way to decline', () => {
    const s = strengthsCard({ words: w, band: '8-11', checkInId: 'c1' });
    expect(texts(s)).toContain('going well');
    expect(actions(s).map((a) => a.data)).toEqual([{ kind: 'mystar.strengths', checkInId: 'c1' }, { kind: 'mystar.strengths', checkInId: 'c1', skip: true }]);
    const m = sayMoreCard({ words: w, band: '16-25', checkInId: 'c1', area: 'education' });
    expect((m.body as any[]).some((b) => b.type === 'Input.Text' && b.id === 'text')).toBe(true);
    expect(actions(m)[1].data).toEqual({ kind: 'mystar.more', checkInId: 'c1', area: 'education', skip: true });
  });

  it('privacy card covers what is kept, who sees it, when a worker is told and how to delete, per band', () => {
    for (const band of AGE_BANDS) {
      const t = texts(privacyCard({ words: w, band }));
      for (const k of ['kept', 'whoSees', 'whenTold', 'delete']) expect(t).toContain(JSON.stringify(w.t(`onboarding:privacy.${k}`, { band })).slice(1, -1));
      expect(t).toContain('delete my data');
    }
  });

  it('goal, area, delete and resume cards carry their data', () => {
    const g = goalAreasCard({ words: w, band: '12-15', checkInId: 'c1', options: ['friends', 'education'] }) as any;
    expect(g.body[2].choices.map((c: any) => c.value)).toEqual(['friends', 'education']);
    expect(actions(localAreaCard({ words: w })).map((a) => a.data.area)).toEqual(['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes', 'elsewhere']);
    expect(actions(deleteConfirmCard({ words: w, band: '8-11' })).map((a) => a.data)).toEqual([{ kind: 'data.delete', confirm: true }, { kind: 'data.delete', confirm: false }]);
    expect(actions(resumeCard({ words: w, band: '8-11', checkInId: 'c9' })).map((a) => a.data.kind)).toEqual(['mystar.resume', 'mystar.restart']);
  });
});

describe('parseCardSubmission', () => {
  it('accepts what the cards send', () => {
    for (const a of AREA_IDS) {
      for (const x of actions(areaCard({ words: w, band: '12-15', checkInId: 'c1', area: a }))) expect(parseCardSubmission(x.data)).toEqual(x.data);
    }
    expect(parseCardSubmission({ kind: 'mystar.strengths', checkInId: 'c1', text: 'drawing' })).toMatchObject({ text: 'drawing' });
    const g = parseCardSubmission({ kind: 'mystar.goalAreas', checkInId: 'c1', areas: 'friends,pets,education' });
    expect(g && g.kind === 'mystar.goalAreas' && chosenGoalAreas(g)).toEqual(['friends', 'education']);
  });

  it.each([
    [{ kind: 'mystar.step', checkInId: 'c1', area: 'friends', step: 9 }],
    [{ kind: 'mystar.step', checkInId: 'c1', area: 'friends', step: 0 }],
    [{ kind: 'mystar.step', checkInId: 'c1', area: 'friends', step: 2.5 }],
    [{ kind: 'mystar.step', checkInId: 'c1', area: 'pets', step: 3 }],
    [{ kind: 'mystar.step', area: 'friends', step: 3 }],
    [{ kind: 'mystar.step', checkInId: '', area: 'friends', step: 3 }],
    [{ kind: 'mystar.hack', checkInId: 'c1' }],
    [{ kind: 'profile.area', area: 'narnia' }],
    ['mystar.step'],
    [null],
    [undefined],
  ])('ignores forged %j', (value) => {
    expect(parseCardSubmission(value)).toBeUndefined();
  });
});
