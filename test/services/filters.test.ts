/** Age and area decide what is offered. */
import { dutyWorkerRoutes, loadDirectory, signpost } from '../../core/services';
import { wordsKey } from '../../core/services/schema';

const NOW = new Date('2026-11-23T15:00:00Z');
const dir = loadDirectory({ now: NOW });
const ids = (v: { id: string }[]) => v.map((x) => x.id);

describe('age', () => {
  it('offers CEOP and Report Remove to a 12-year-old worried about grooming, not to a 20-year-old', () => {
    const young = ids(signpost(dir, { need: 'sexual_exploitation_or_grooming', now: NOW, age: 12 }));
    expect(young).toEqual(expect.arrayContaining(['emergency-999', 'ceop', 'report-remove', 'childline']));
    const older = ids(signpost(dir, { need: 'sexual_exploitation_or_grooming', now: NOW, age: 20 }));
    expect(older).not.toContain('ceop');
    expect(older).not.toContain('report-remove');
    expect(older).not.toContain('childline');
    expect(older).toContain('emergency-999');
  });

  it('uses the band when the exact age is not known', () => {
    expect(ids(signpost(dir, { need: 'suicide', now: NOW, band: '8-11' }))).toContain('childline');
    expect(ids(signpost(dir, { need: 'suicide', now: NOW, band: '16-25' }))).not.toContain('childline');
  });

  it('Young Carers Bucks takes 5 to 16-year-olds only', () => {
    expect(ids(signpost(dir, { need: 'young_carers', now: NOW, age: 12, area: 'buckinghamshire' }))).toContain('young-carers-bucks');
    expect(ids(signpost(dir, { need: 'young_carers', now: NOW, age: 17, area: 'buckinghamshire' }))).not.toContain('young-carers-bucks');
  });
});

describe('area', () => {
  it('local services only where the young person lives', () => {
    expect(ids(signpost(dir, { need: 'young_carers', now: NOW, age: 14, area: 'warwickshire' }))).toContain('young-carers-warwickshire');
    const cov = ids(signpost(dir, { need: 'young_carers', now: NOW, age: 14, area: 'coventry' }));
    expect(cov).not.toContain('young-carers-warwickshire');
    expect(cov).not.toContain('young-carers-bucks');
  });

  it('Milton Keynes gets the REFLECT text line; Coventry does not', () => {
    expect(ids(signpost(dir, { need: 'feelings_behaviour', now: NOW, age: 14, area: 'milton_keynes', limit: 10 }))).toContain('shout-reflect-blmk');
    expect(ids(signpost(dir, { need: 'feelings_behaviour', now: NOW, age: 14, area: 'coventry', limit: 10 }))).not.toContain('shout-reflect-blmk');
    expect(ids(signpost(dir, { need: 'feelings_behaviour', now: NOW, age: 14, limit: 10 }))).not.toContain('shout-reflect-blmk');
  });
});

describe("children's social care front doors", () => {
  it('are never offered to young people, but are there for duty workers', () => {
    for (const need of ['abuse', 'being_safe', 'domestic_abuse_at_home'] as const) {
      for (const area of ['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes'] as const) {
        const v = signpost(dir, { need, now: NOW, age: 14, area, limit: 50 });
        expect(ids(v).filter((id) => /mash|front|edt|out-of-hours|first-response/.test(id))).toEqual([]);
      }
    }
    expect(ids(dutyWorkerRoutes(dir, { now: NOW, area: 'warwickshire' }))).toEqual(['warwickshire-front-door', 'warwickshire-edt']);
    const wfd = dutyWorkerRoutes(dir, { now: NOW, area: 'warwickshire' })[0];
    expect(wfd.contact).toEqual(['Call 01926 414144']);
  });
});

describe('what young people read', () => {
  it('every service a young person can be shown says what it is for, in words for their band', () => {
    const { createWords } = jest.requireActual('../../core/i18n');
    const w = createWords();
    for (const s of dir.services.filter((x) => x.audience === 'young_people')) {
      expect([s.id, w.has(`signpost:about.${wordsKey(s)}`)]).toEqual([s.id, true]);
    }
    const v = signpost(dir, { need: 'sexual_exploitation_or_grooming', now: NOW, age: 13 }).find((x) => x.id === 'ceop')!;
    expect(v.about).toMatch(/isn't anonymous/);
  });
});

describe('routes already shown', () => {
  it('are not repeated, and still count as someone to talk to now', () => {
    const { crisisRoutes } = jest.requireActual('../../core/services');
    const night = new Date('2026-11-28T23:30:00Z');
    const shown = crisisRoutes(dir, { now: night, age: 20 });
    const v = signpost(dir, { need: 'lgbtq', now: night, age: 20, alreadyShown: shown });
    expect(ids(v)).toEqual(['switchboard']);
    const alone = signpost(dir, { need: 'lgbtq', now: night, age: 20 });
    expect(ids(alone)).toContain('samaritans');
  });
});
