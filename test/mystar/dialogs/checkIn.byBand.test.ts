import { MemoryStore } from '../../../core/storage';
import { CheckInDialog } from '../../../dialogs/checkin/checkInDialog';
import { completedCheckIns, getCheckIn } from '../../../core/mystar/checkIns';
import { getProfile } from '../../../core/profile/profiles';
import { userUidFor } from './uid';
import { AGE_BANDS } from '../../../core/ageBands';
import { AREA_IDS } from '../../../core/records/types';
import { buttons, chat, checkInIdIn, makeDeps, stepButtonArea, visible, words } from './support';

const AGES = { '8-11': '9', '12-15': 'Year 9', '16-25': "I'm 19" } as const;

describe.each(AGE_BANDS)('a first check-in, age band %s', (band) => {
  it('meets them, asks strengths first, the eight areas in their words, and sums up with a star', async () => {
    const store = new MemoryStore();
    const c = chat(new CheckInDialog(makeDeps(store)), store);

    let r = await c.say('check in');
    expect(visible(r)).toContain(words.t('onboarding:welcome'));
    expect(visible(r)).toContain(words.t('onboarding:askAge'));

    r = await c.say(AGES[band]);
    for (const k of ['kept', 'whoSees', 'whenTold', 'delete']) expect(visible(r)).toContain(words.t(`onboarding:privacy.${k}`, { band }));

    r = await c.say('ok');
    expect(visible(r)).toContain(words.t('onboarding:askNickname', { band }));
    r = await c.say('Sky');
    expect(buttons(r).map((b) => b.area)).toEqual(['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes', 'elsewhere']);

    r = await c.press({ kind: 'profile.area', area: 'milton_keynes' });
    expect(visible(r)).toContain('Sky');
    expect(visible(r)).toContain(words.t('mystar:strengths.prompt', { band }));
    const uid = userUidFor('user-1');
    expect(await getProfile(store, uid)).toMatchObject({ ageBand: band, nickname: 'Sky', area: 'milton_keynes' });
    const id = checkInIdIn(r)!;

    r = await c.say('my drawing is going well');
    for (const [i, area] of AREA_IDS.entries()) {
      expect(stepButtonArea(r)).toBe(area);
      expect(visible(r)).toContain(words.t(`mystar:areas.${area}.question`, { band }));
      r = await c.press({ kind: 'mystar.step', checkInId: id, area, step: (i % 5) + 1 });
      expect(visible(r)).toContain(words.t('mystar:sayMore.prompt', { band }));
      r = i === 1 ? await c.say('I made a new friend') : await c.press({ kind: 'mystar.more', checkInId: id, area, skip: true });
    }
    // summary: the chart with alt text, what moved (first time), thanks naming their strength, then the goals offer
    const png = r.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'image/png')!;
    expect(png.contentUrl).toMatch(/^data:image\/png;base64,/);
    for (const area of AREA_IDS) expect(png.name).toContain(words.t(`mystar:areas.${area}.name`, { band }));
    const text = visible(r);
    expect(text).toContain(words.t('mystar:summary.firstTime', { band }));
    expect(text).toContain('my drawing is going well');
    expect(text).toContain(words.t('mystar:goals.intro', { band }));
    expect(text).not.toMatch(/level [1-4]/i);

    const rec = (await getCheckIn(store, id))!;
    expect(rec).toMatchObject({ status: 'completed', ageBand: band, area: 'milton_keynes', strengths: 'my drawing is going well' });
    expect(rec.answers.confidence).toEqual({ step: 2, comment: 'I made a new friend' });
    expect(AREA_IDS.map((a) => rec.answers[a]!.step)).toEqual([1, 2, 3, 4, 5, 1, 2, 3]);
  });
});

describe('typed answers of every kind, and a second check-in compared with the first', () => {
  it('understands numbers, colours, words and emoji, re-asks gently, and says what moved', async () => {
    const store = new MemoryStore();
    const c = chat(new CheckInDialog(makeDeps(store)), store);
    await c.say('check in');
    await c.say('13');
    await c.say('ok');
    await c.say('skip');
    await c.say('Coventry');
    let r = await c.say('skip');
    expect(visible(r)).toContain(words.t('mystar:strengths.skipped', { band: '12-15' }));

    const typed = ['4', 'green', 'not great', '😀', 'meh', '3/5', 'really good', 'red'];
    for (const [i, t] of typed.entries()) {
      expect(stepButtonArea(r)).toBe(AREA_IDS[i]);
      if (i === 2) {
        r = await c.say('banana');
        expect(words.list('mystar:checkin.reask', { band: '12-15' })).toContain(r[0].text);
        expect(stepButtonArea(r)).toBeUndefined();
      }
      r = await c.say(t);
      r = await c.say('no');
    }
    const uid = userUidFor('user-1');
    const [first] = await completedCheckIns(store, uid);
    expect(AREA_IDS.map((a) => first.answers[a]!.step)).toEqual([4, 4, 2, 5, 3, 3, 5, 1]);
    expect(first.answers.friends!.comment).toBeUndefined();
    r = await c.say('not now');
    expect(visible(r)).toContain(words.t('mystar:goals.noPlan', { band: '12-15' }));

    // second check-in: no onboarding, straight to strengths; then what moved up and down
    r = await c.say('check in');
    expect(visible(r)).not.toContain(words.t('onboarding:askAge'));
    r = await c.say('friends');
    for (const [i] of AREA_IDS.entries()) {
      r = await c.say(i === 0 ? '2' : i === 7 ? '3' : String(typed[i]));
      r = await c.say('no thanks');
    }
    const text = visible(r);
    expect(text).toContain(words.t('mystar:summary.introWithPrevious', { band: '12-15' }));
    expect(text).toContain('Feeling safe has gone down since last time (4 to 2).');
    expect(text).toContain('Family and people close to me has gone up since last time (1 to 3).');
    expect(text).toContain('"friends"');
    expect(r.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'image/png')!.name).toMatch(/last time 4/);
  });
});
