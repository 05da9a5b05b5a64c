import { MemoryStore } from '../../../core/storage';
import { CheckInDialog } from '../../../dialogs/checkin/checkInDialog';
import { ShowStarDialog } from '../../../dialogs/checkin/showStar';
import { MyDataDialog } from '../../../dialogs/checkin/myData';
import { FirstMeetingDialog } from '../../../dialogs/checkin/firstMeeting';
import { checkInHistory, completedCheckIns } from '../../../core/mystar/checkIns';
import { getProfile, saveProfile } from '../../../core/profile/profiles';
import { AREA_IDS } from '../../../core/records/types';
import { chat, checkInIdIn, makeDeps, visible, words } from './support';
import { userUidFor } from './uid';

const uid = userUidFor('user-1');

async function fullCheckIn(store: MemoryStore, steps: string[]) {
  const c = chat(new CheckInDialog(makeDeps(store)), store);
  let r = await c.say('check in');
  return { c, r, id: checkInIdIn(r)!, run: async () => {
    r = await c.say('skip');
    for (const s of steps) {
      r = await c.say(s);
      r = await c.say('no');
    }
    return r;
  } };
}

describe('their own goals', () => {
  it('chooses areas, what good looks like, what is in the way, a first step and when; asks how it went next time', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '8-11' });
    const f = await fullCheckIn(store, ['4', '2', '4', '1', '5', '3', '4', '5']);
    let r = await f.run();
    expect(visible(r)).toContain(words.t('mystar:goals.intro', { band: '8-11' }));
    r = await f.c.say('yes');
    expect(visible(r)).toContain(words.t('mystar:goals.choose', { band: '8-11' }));
    r = await f.c.say('friends, school and home');
    expect(visible(r)).toContain(words.t('mystar:goals.tooMany', { band: '8-11' }));
    r = await f.c.press({ kind: 'mystar.goalAreas', checkInId: f.id, areas: 'friends' });
    expect(visible(r)).toContain(words.t('mystar:goals.goodLooksLike', { band: '8-11', areas: 'friends' }));
    r = await f.c.say('someone to sit with at lunch');
    expect(visible(r)).toContain(words.t('mystar:goals.inTheWay', { band: '8-11' }));
    r = await f.c.say('skip');
    expect(visible(r)).toContain(words.t('mystar:goals.firstStep', { band: '8-11' }));
    r = await f.c.say('ask Sam to play');
    expect(visible(r)).toContain(words.t('mystar:goals.when', { band: '8-11' }));
    r = await f.c.say('on Monday');
    expect(visible(r)).toContain('ask Sam to play (on Monday)');
    const [rec] = await completedCheckIns(store, uid);
    expect(rec.plan).toMatchObject({ areas: ['friends'], goodLooksLike: 'someone to sit with at lunch', firstStep: 'ask Sam to play', when: 'on Monday' });
    expect(rec.plan!.inTheWay).toBeUndefined();

    // next time
    r = await f.c.say('check in');
    expect(visible(r)).toContain('Last time you said you would ask Sam to play (on Monday). How did it go? 🎯');
    r = await f.c.say('it went well');
    expect(visible(r)).toContain(words.t('mystar:goals.followUpGood', { band: '8-11' }));
    expect(visible(r)).toContain(words.t('mystar:strengths.prompt', { band: '8-11' }));
    // what they said about it is kept, in their words, on the new check-in (and so in "show my data")
    const [now] = (await checkInHistory(store, uid)).filter((c) => c.status === 'in_progress');
    expect(now.planReview).toEqual({ fromCheckInId: rec.id, said: 'it went well' });
  });

  it('"not now" saves no plan', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '16-25' });
    const f = await fullCheckIn(store, ['3', '3', '3', '3', '3', '3', '3', '3']);
    await f.run();
    const r = await f.c.press({ kind: 'mystar.goalOffer', checkInId: f.id, want: false });
    expect(visible(r)).toContain(words.t('mystar:goals.noPlan', { band: '16-25' }));
    expect((await completedCheckIns(store, uid))[0].plan).toBeUndefined();
  });
});

describe('show my star', () => {
  it('says there is none yet, then shows the latest chart and the trend', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '12-15' });
    let r = await chat(new ShowStarDialog(makeDeps(store)), store).say('show my star');
    expect(visible(r)).toContain(words.t('mystar:showStar.none', { band: '12-15' }));
    for (const s of ['2', '4']) {
      const f = await fullCheckIn(store, AREA_IDS.map(() => s));
      await f.run();
      await f.c.say('not now');
    }
    r = await chat(new ShowStarDialog(makeDeps(store)), store).say('show my star');
    const png = r.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'image/png')!;
    expect(png.name).toMatch(/Friends: 4 of 5, green, Mostly good \(last time 2\)/);
    expect(visible(r)).toContain('Friends has gone up since last time (2 to 4)');
    expect(visible(r)).toContain('2 March 2026');
  });
});

describe('delete my data', () => {
  it('asks first; "no" keeps everything, "yes" removes every record and says so', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '8-11', nickname: 'Sky' });
    const f = await fullCheckIn(store, AREA_IDS.map(() => '3'));
    await f.run();
    await f.c.say('not now');

    let c = chat(new MyDataDialog(makeDeps(store)), store);
    let r = await c.say('delete my data');
    expect(visible(r)).toContain(words.t('mystar:deleteData.confirm', { band: '8-11' }));
    r = await c.say('hmm');
    expect(visible(r)).toContain(words.t('mystar:deleteData.reask', { band: '8-11' }));
    r = await c.say('no');
    expect(visible(r)).toContain(words.t('mystar:deleteData.cancelled', { band: '8-11' }));
    expect(await checkInHistory(store, uid)).toHaveLength(1);

    c = chat(new MyDataDialog(makeDeps(store)), store, 'user-1');
    r = await c.say('delete my data');
    r = await c.press({ kind: 'data.delete', confirm: true });
    expect(visible(r)).toContain(words.t('mystar:deleteData.done', { band: '8-11' }));
    expect(await getProfile(store, uid)).toBeUndefined();
    expect(await checkInHistory(store, uid)).toEqual([]);
  });

  it('"my data" shows what is kept, and offers to delete it', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '12-15', nickname: 'Jay', area: 'coventry' });
    const r = await chat(new MyDataDialog(makeDeps(store)), store).say('my data');
    expect(visible(r)).toContain('age group 12-15, nickname "Jay", area Coventry');
    expect(visible(r)).toContain(`[${words.t('mystar:myData.deleteButton')}]`);
  });
});

describe('change my details', () => {
  it('keeps what is skipped and changes the rest', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '12-15', age: 13, nickname: 'Jay', area: 'coventry' });
    const c = chat(new FirstMeetingDialog(makeDeps(store)), store);
    let r = await c.say('change my details');
    expect(visible(r)).toContain(words.t('onboarding:changeIntro', { band: '12-15' }));
    r = await c.say('skip'); // age
    r = await c.say('skip'); // nickname
    r = await c.say('Rugby');
    expect(await getProfile(store, uid)).toMatchObject({ ageBand: '12-15', age: 13, nickname: 'Jay', area: 'warwickshire' });
  });

  it('someone under 8 is told kindly and nothing is saved', async () => {
    const store = new MemoryStore();
    const c = chat(new FirstMeetingDialog(makeDeps(store)), store);
    await c.say('hi');
    const r = await c.say('6');
    expect(visible(r)).toContain(words.t('onboarding:tooYoung'));
    expect(await getProfile(store, uid)).toBeUndefined();
  });
});
