import { readFileSync } from 'node:fs';
import path from 'node:path';
import { myStarContent, myStarContentSchema } from '../../core/mystar/content';
import { createWords } from '../../core/i18n';
import { AGE_BANDS } from '../../core/ageBands';
import { AREA_IDS } from '../../core/records/types';
import { CONTENT_DIR, LOCALES_DIR } from '../../core/paths';

const raw = () => JSON.parse(readFileSync(path.join(CONTENT_DIR, 'mystar.json'), 'utf8'));
const w = createWords();

describe('content/mystar.json', () => {
  it('is valid: eight areas with the record ids, five steps red to blue', () => {
    const c = myStarContent();
    expect(c.areas.map((a) => a.id).sort()).toEqual([...AREA_IDS].sort());
    expect(c.steps.map((s) => s.colour)).toEqual(['red', 'orange', 'yellow', 'green', 'blue']);
    expect(new Set(c.steps.map((s) => s.emoji)).size).toBe(5);
  });

  it('rejects a missing area, steps out of order or a bad colour, naming the problem', () => {
    const noArea = raw();
    noArea.areas.pop();
    expect(myStarContentSchema.safeParse(noArea).success).toBe(false);
    const swapped = raw();
    [swapped.steps[0], swapped.steps[1]] = [swapped.steps[1], swapped.steps[0]];
    const r = myStarContentSchema.safeParse(swapped);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/step 1/);
    const badHex = raw();
    badHex.steps[2].hex = 'yellow';
    expect(myStarContentSchema.safeParse(badHex).success).toBe(false);
  });

  it('every locale key it names has wording in every band', () => {
    const c = myStarContent();
    const keys = [...c.steps.map((s) => s.label), ...c.areas.flatMap((a) => [a.name, a.question, ...a.stepLabels])];
    for (const k of keys) for (const band of AGE_BANDS) expect([k, band, w.has(k, band)]).toEqual([k, band, true]);
  });

  it('each band has its own question for every area', () => {
    for (const id of AREA_IDS) {
      const q = AGE_BANDS.map((band) => w.t(`mystar:areas.${id}.question`, { band }));
      expect(new Set(q).size).toBe(3);
      expect(q[0]).toMatch(/\p{Extended_Pictographic}/u); // 8-11 has emoji
    }
  });

  it('step labels are distinct within a band', () => {
    for (const band of AGE_BANDS) expect(new Set([1, 2, 3, 4, 5].map((s) => w.t(`mystar:steps.${s}`, { band }))).size).toBe(5);
  });
});

describe('wording rules', () => {
  const files = ['mystar.json', 'onboarding.json'].map((f) => readFileSync(path.join(LOCALES_DIR, 'en-GB', f), 'utf8'));
  it('has no phone numbers or short codes (they live only in content/services.json)', () => {
    for (const f of files) expect(f).not.toMatch(/\b\d{3,}[\s-]?\d{3,}\b|\b\d{5}\b/);
  });
  it('does not use the Outcomes Star trademark or clinical labels', () => {
    for (const f of files) {
      expect(f).not.toMatch(/outcomes? star/i);
      expect(f).not.toMatch(/\b(GP|CAMHS|disorder|diagnos\w*|symptom\w*|patient)\b/i);
    }
  });
});
