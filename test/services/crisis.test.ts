import { crisisRoutes, formatRoutes, loadDirectory } from '../../core/services';

// Monday 23 Nov 2026, 3pm London (GMT)
const weekdayAfternoon = new Date('2026-11-23T15:00:00Z');

describe('crisisRoutes', () => {
  const dir = loadDirectory({ now: weekdayAfternoon });

  it('gives 999, 111 with the mental health option and Childline to a 13-year-old', () => {
    const v = crisisRoutes(dir, { now: weekdayAfternoon, age: 13 });
    expect(v.map((x) => x.id)).toEqual(['emergency-999', 'nhs-111-mental-health', 'childline', 'samaritans', 'shout']);
    expect(v[0].contact).toContain('Call 999');
    expect(v[1].contact[0]).toBe('Call 111 and choose the mental health option');
    expect(v[1].contact.join(' ')).not.toMatch(/press 2|option 2/i);
    expect(v.every((x) => x.openNow)).toBe(true);
  });

  it('never sends a 22-year-old to Childline, but always to a 24/7 listening line', () => {
    const v = crisisRoutes(dir, { now: weekdayAfternoon, age: 22 });
    expect(v.map((x) => x.id)).not.toContain('childline');
    expect(v.map((x) => x.id)).toEqual(expect.arrayContaining(['emergency-999', 'nhs-111-mental-health', 'samaritans']));
    const text = formatRoutes(v, '16-25');
    expect(text).toContain('Call 116 123');
    expect(text).toContain('Text SHOUT to 85258');
  });
});

describe('tap targets', () => {
  it('each contact line has a matching route with a tel: or sms: link from the directory', () => {
    const now = new Date('2026-11-23T15:00:00Z');
    const v = crisisRoutes(loadDirectory({ now }), { now, age: 12 });
    const all = v.flatMap((x) => x.routes);
    expect(all.map((r) => r.text)).toEqual(v.flatMap((x) => x.contact));
    expect(all).toEqual(
      expect.arrayContaining([
        { kind: 'phone', text: 'Call 999', href: 'tel:999' },
        { kind: 'textphone', text: expect.stringContaining('18001 111'), href: 'tel:18001111' },
        { kind: 'sms', text: 'Text SHOUT to 85258', href: 'sms:85258?&body=SHOUT' },
        { kind: 'email', text: expect.stringContaining('jo@samaritans.org'), href: 'mailto:jo@samaritans.org' },
      ]),
    );
  });
});
