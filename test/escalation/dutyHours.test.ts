/** Duty hours in Europe/London: weekdays, weekends, bank holidays, closed dates and the clock changes. */
import { alertReplyState, bankHolidays, describeWhen, dutyStatus } from '../../core/escalation';

const cfg = { DUTY_HOURS: ['mon-thu 08:30-17:30', 'fri 08:30-17:00'], DUTY_CLOSED_DATES: [] as string[] };
const at = (iso: string) => new Date(iso);

describe('dutyStatus', () => {
  it('is on duty on a weekday afternoon, until the end of the day', () => {
    const s = dutyStatus(at('2026-01-07T14:15:00Z'), cfg); // Wednesday, GMT
    expect(s.onDuty).toBe(true);
    expect(s.until?.toISOString()).toBe('2026-01-07T17:30:00.000Z');
  });

  it('on a Friday, closes at 17:00 and opens again on Monday', () => {
    expect(dutyStatus(at('2026-01-09T16:59:00Z'), cfg).onDuty).toBe(true);
    const s = dutyStatus(at('2026-01-09T17:00:00Z'), cfg);
    expect(s).toEqual({ onDuty: false, nextOnDuty: at('2026-01-12T08:30:00Z') });
  });

  it('is off duty on a weekend night, and next on duty on Monday morning', () => {
    const s = dutyStatus(at('2026-01-10T23:30:00Z'), cfg); // Saturday night
    expect(s).toEqual({ onDuty: false, nextOnDuty: at('2026-01-12T08:30:00Z') });
  });

  it('before opening on a weekday, next on duty is the same morning', () => {
    expect(dutyStatus(at('2026-01-07T06:00:00Z'), cfg)).toEqual({ onDuty: false, nextOnDuty: at('2026-01-07T08:30:00Z') });
  });

  it('is off duty on a bank holiday (Easter Monday, in BST) and opens the next day at 08:30 London time', () => {
    const s = dutyStatus(at('2026-04-06T10:00:00Z'), cfg);
    expect(s.onDuty).toBe(false);
    expect(s.nextOnDuty?.toISOString()).toBe('2026-04-07T07:30:00.000Z'); // 08:30 BST
  });

  it('skips a run of bank holidays: Good Friday to Easter Monday', () => {
    expect(dutyStatus(at('2026-04-02T17:45:00Z'), cfg).nextOnDuty?.toISOString()).toBe('2026-04-07T07:30:00.000Z');
  });

  it('counts substitute days: Boxing Day 2026 falls on a Saturday, so Monday 28 December is closed', () => {
    expect(dutyStatus(at('2026-12-28T11:00:00Z'), cfg).onDuty).toBe(false);
    expect(dutyStatus(at('2026-12-24T12:00:00Z'), cfg).onDuty).toBe(true);
    expect(dutyStatus(at('2026-12-24T18:00:00Z'), cfg).nextOnDuty?.toISOString()).toBe('2026-12-29T08:30:00.000Z');
  });

  it('matches the published bank holidays for England in 2026 and 2027', () => {
    expect([...bankHolidays(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
    expect([...bankHolidays(2027)].sort()).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
    expect(bankHolidays(2023).has('2023-05-08')).toBe(true); // the coronation
  });

  it('honours DUTY_CLOSED_DATES', () => {
    const closed = { ...cfg, DUTY_CLOSED_DATES: ['2026-01-07'] };
    expect(dutyStatus(at('2026-01-07T14:15:00Z'), closed)).toEqual({ onDuty: false, nextOnDuty: at('2026-01-08T08:30:00Z') });
  });

  it('adds a published list of bank holidays (e.g. a one-off day) to the computed ones', () => {
    const withList = { ...cfg, bankHolidays: new Set(['2026-01-07']) };
    expect(dutyStatus(at('2026-01-07T14:15:00Z'), withList).onDuty).toBe(false);
  });

  it('follows the clocks going forward (29 March 2026): Monday 08:30 is 07:30 UTC', () => {
    const fri = dutyStatus(at('2026-03-27T18:00:00Z'), cfg);
    expect(fri.nextOnDuty?.toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(dutyStatus(at('2026-03-30T07:15:00Z'), cfg).onDuty).toBe(false);
    expect(dutyStatus(at('2026-03-30T07:45:00Z'), cfg).onDuty).toBe(true);
    expect(dutyStatus(at('2026-03-30T16:45:00Z'), cfg).onDuty).toBe(false); // 17:45 BST
  });

  it('follows the clocks going back (25 October 2026): Monday 08:30 is 08:30 UTC again', () => {
    const fri = dutyStatus(at('2026-10-23T16:30:00Z'), cfg); // 17:30 BST, closed
    expect(fri).toEqual({ onDuty: false, nextOnDuty: at('2026-10-26T08:30:00Z') });
    expect(dutyStatus(at('2026-10-26T08:00:00Z'), cfg).onDuty).toBe(false);
  });

  it('handles a weekend rota and a range that wraps round the week', () => {
    const weekend = { DUTY_HOURS: ['fri-mon 10:00-14:00'], DUTY_CLOSED_DATES: [] };
    expect(dutyStatus(at('2026-01-10T12:00:00Z'), weekend).onDuty).toBe(true); // Saturday
    expect(dutyStatus(at('2026-01-07T12:00:00Z'), weekend).nextOnDuty?.toISOString()).toBe('2026-01-09T10:00:00.000Z');
  });
});

describe('alertReplyState', () => {
  const delivered = { history: [{ state: 'raised' as const, at: '', by: 'starling' }, { state: 'delivered' as const, at: '', by: 'webhook' }] };
  const notYet = { history: [{ state: 'raised' as const, at: '', by: 'starling' }] };

  it('says "trying" until a route has accepted the alert, whatever the time', () => {
    expect(alertReplyState(notYet, at('2026-01-07T14:15:00Z'), cfg)).toBe('trying');
    expect(alertReplyState(notYet, at('2026-01-10T23:30:00Z'), cfg)).toBe('trying');
  });

  it('after delivery, tells on-duty from off-duty', () => {
    expect(alertReplyState(delivered, at('2026-01-07T14:15:00Z'), cfg)).toBe('delivered_on_duty');
    expect(alertReplyState(delivered, at('2026-01-10T23:30:00Z'), cfg)).toBe('delivered_off_duty');
    expect(alertReplyState(delivered, at('2026-04-06T10:00:00Z'), cfg)).toBe('delivered_off_duty');
  });
});

describe('describeWhen', () => {
  it('names today, tomorrow or the weekday, with the London time', () => {
    expect(describeWhen(at('2026-01-07T08:30:00Z'), at('2026-01-07T06:00:00Z'))).toEqual({ kind: 'today', weekday: 'Wednesday', time: '8:30am' });
    expect(describeWhen(at('2026-01-08T08:30:00Z'), at('2026-01-07T20:00:00Z')).kind).toBe('tomorrow');
    expect(describeWhen(at('2026-03-30T07:30:00Z'), at('2026-03-27T18:00:00Z'))).toEqual({ kind: 'weekday', weekday: 'Monday', time: '8:30am' });
  });
});
