import { MemoryStore } from '../../core/storage';
import { cleanNickname, deleteProfile, getProfile, needsOnboarding, parseAgeAnswer, saveProfile } from '../../core/profile/profiles';

describe('profile records', () => {
  it('remembers the band, nickname and area, and changes them', async () => {
    const store = new MemoryStore();
    expect(needsOnboarding(await getProfile(store, 'u'))).toBe(true);
    const p = await saveProfile(store, 'u', { ageBand: '12-15', age: 13, nickname: 'Jay', area: 'coventry', privacySeenAt: '2026-01-01T00:00:00Z' });
    expect(p.createdAt).toBeTruthy();
    expect(needsOnboarding(p)).toBe(false);
    const q = await saveProfile(store, 'u', { nickname: undefined, area: 'warwickshire' });
    expect(q).toMatchObject({ uid: 'u', ageBand: '12-15', age: 13, nickname: 'Jay', area: 'warwickshire', createdAt: p.createdAt });
    const r = await saveProfile(store, 'u', { nickname: '' }); // cleared on purpose
    expect(r.nickname).toBeUndefined();
    await deleteProfile(store, 'u');
    expect(await getProfile(store, 'u')).toBeUndefined();
  });

  it('ignores an unknown area', async () => {
    const store = new MemoryStore();
    const p = await saveProfile(store, 'u', { ageBand: '8-11', area: 'narnia' as never });
    expect(p.area).toBeUndefined();
  });
});

describe('age or school year to age band', () => {
  it.each([
    ['8', { kind: 'age', age: 8, band: '8-11' }],
    ["I'm 11", { kind: 'age', age: 11, band: '8-11' }],
    ['12', { kind: 'age', age: 12, band: '12-15' }],
    ['fifteen', { kind: 'age', age: 15, band: '12-15' }],
    ['16 years old', { kind: 'age', age: 16, band: '16-25' }],
    ['twenty-five', { kind: 'age', age: 25, band: '16-25' }],
    ['Year 5', { kind: 'schoolYear', year: 5, band: '8-11' }],
    ['y7', { kind: 'schoolYear', year: 7, band: '12-15' }],
    ['yr 10', { kind: 'schoolYear', year: 10, band: '12-15' }],
    ['year eleven', { kind: 'schoolYear', year: 11, band: '16-25' }],
    ['7', { kind: 'tooYoung', age: 7 }],
    ['30', { kind: 'tooOld', age: 30 }],
    ['banana', { kind: 'unclear' }],
    ['12 or 13', { kind: 'unclear' }],
    ['year 1', { kind: 'unclear' }],
  ])('%s', (text, expected) => {
    expect(parseAgeAnswer(text)).toEqual(expected);
  });
});

describe('nickname', () => {
  it.each([
    ['Jay', 'Jay'], ['call me Jay', 'Jay'], ["I'm Sam", 'Sam'], ['skip', undefined], ['no thanks', undefined], ['', undefined],
    ['<b>Al</b>', 'bAl/b'], ['x'.repeat(31), 'tooLong'],
  ])('%s -> %s', (text, expected) => {
    expect(cleanNickname(text)).toBe(expected);
  });
});
