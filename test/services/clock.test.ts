/** Fixed clocks: what a young person is shown on a weekday afternoon, a weekend night and a bank holiday. */
import { loadDirectory, signpost, formatRoutes } from '../../core/services';

const MON_AFTERNOON = new Date('2026-11-23T15:00:00Z'); // Monday 3pm GMT
const MON_MORNING = new Date('2026-11-23T10:00:00Z'); // Monday 10am GMT
const SAT_NIGHT = new Date('2026-11-28T23:30:00Z'); // Saturday 11:30pm GMT
const BANK_HOLIDAY = new Date('2026-12-28T15:00:00Z'); // Monday 28 Dec 2026 (Boxing Day substitute), 3pm
const dir = loadDirectory({ now: MON_AFTERNOON });
const ids = (v: { id: string }[]) => v.map((x) => x.id);

describe('signposting on a weekday afternoon', () => {
  it('shows Mermaids as open to a 15-year-old asking about LGBTQ+ support', () => {
    const v = signpost(dir, { need: 'lgbtq', now: MON_AFTERNOON, age: 15 });
    const mermaids = v.find((x) => x.id === 'mermaids')!;
    expect(mermaids.openNow).toBe(true);
    expect(mermaids.contact).toContain('Call 0808 801 0400');
    expect(mermaids.opensAt).toBeUndefined();
  });

  it("shows both Winston's Wish phone and text at 4pm, but only the phone at 10am", () => {
    const at4 = signpost(dir, { need: 'bereavement', now: new Date('2026-11-23T16:00:00Z'), age: 14 }).find((x) => x.id === 'winstons-wish')!;
    expect(at4.contact).toEqual(expect.arrayContaining(['Call 08088 020 021', 'Text 07418 341800']));
    const at10 = signpost(dir, { need: 'bereavement', now: MON_MORNING, age: 14 }).find((x) => x.id === 'winstons-wish')!;
    expect(at10.openNow).toBe(true);
    expect(at10.contact).toContain('Call 08088 020 021');
    expect(at10.contact).not.toContain('Text 07418 341800');
  });

  it('uses London time in summer (BST): Mermaids opens at 1pm London, which is 12 noon UTC', () => {
    const before = signpost(dir, { need: 'lgbtq', now: new Date('2026-08-28T11:45:00Z'), age: 15 }).find((x) => x.id === 'mermaids')!;
    const after = signpost(dir, { need: 'lgbtq', now: new Date('2026-08-28T12:15:00Z'), age: 15 }).find((x) => x.id === 'mermaids')!;
    expect(before.openNow).toBe(false);
    expect(before.opensAt).toBe('today 1pm');
    expect(after.openNow).toBe(true);
  });
});

describe('signposting on a weekend night', () => {
  const v = signpost(dir, { need: 'lgbtq', now: SAT_NIGHT, age: 15 });

  it('shows Mermaids as closed with when it opens', () => {
    const mermaids = v.find((x) => x.id === 'mermaids')!;
    expect(mermaids.openNow).toBe(false);
    expect(mermaids.opensAt).toBe('Monday 1pm');
  });

  it('always includes a listening route that is open now and takes their age', () => {
    const open = v.filter((x) => x.openNow && x.contact.length > 0);
    expect(ids(open)).toContain('childline');
    const text = formatRoutes(v, '12-15');
    expect(text).toContain('Mermaids (closed now, opens Monday 1pm)');
    expect(text).toContain('Call 0800 1111');
  });

  it('for a 20-year-old the open route is one that takes adults', () => {
    const v20 = signpost(dir, { need: 'bereavement', now: SAT_NIGHT, age: 20 });
    expect(ids(v20)).not.toContain('childline');
    expect(v20.some((x) => x.openNow && ['samaritans', 'shout'].includes(x.id))).toBe(true);
  });
});

describe('signposting on a bank holiday', () => {
  it("shows Winston's Wish as closed (bank holiday opening is not confirmed) and when it opens", () => {
    const v = signpost(dir, { need: 'bereavement', now: BANK_HOLIDAY, age: 12 });
    const ww = v.find((x) => x.id === 'winstons-wish')!;
    expect(ww.openNow).toBe(false);
    expect(ww.opensAt).toBe('tomorrow 8am');
    expect(v.some((x) => x.openNow)).toBe(true);
  });

  it('the same Monday a week earlier, Winston\'s Wish is open', () => {
    const v = signpost(dir, { need: 'bereavement', now: new Date('2026-12-21T15:00:00Z'), age: 12 });
    expect(v.find((x) => x.id === 'winstons-wish')!.openNow).toBe(true);
  });

  it('Buckinghamshire out-of-hours team is open all day on a bank holiday (duty-worker material)', () => {
    const { dutyWorkerRoutes } = jest.requireActual('../../core/services');
    const v = dutyWorkerRoutes(dir, { now: BANK_HOLIDAY, area: 'buckinghamshire' });
    expect(v.find((x: { id: string }) => x.id === 'bucks-edt').openNow).toBe(true);
    expect(v.find((x: { id: string }) => x.id === 'bucks-first-response').openNow).toBe(false);
  });
});

describe('a website is not someone to talk to', () => {
  it('at night, LGBTQ+ support for a 20-year-old adds a 24/7 line, because Switchboard shows only its website', () => {
    const v = signpost(dir, { need: 'lgbtq', now: SAT_NIGHT, age: 20 });
    expect(v.find((x) => x.id === 'switchboard')!.contact).toEqual(['Website: https://switchboard.lgbt']);
    expect(v.some((x) => x.openNow && x.id === 'samaritans')).toBe(true);
    expect(formatRoutes(v, '16-25')).toContain('Switchboard LGBT+ Helpline (online, any time)');
  });
});
