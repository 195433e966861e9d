import { describe, expect, it } from 'vitest';
import {
  apiInstantToCalendarDate,
  calendarDateIn,
  checkAcceptanceDate,
  isAfterServerNow,
  isCalendarDate,
  latestAcceptanceDate,
  parseApiInstant,
  toUtcMidnight,
} from '../../../shared/domain/dates';

describe('latestAcceptanceDate: the earlier of the local date and the UTC date', () => {
  // instant (UTC) | zone | local date there | expected latest
  const cases: Array<[string, string, string, string]> = [
    // Auckland is ahead of UTC: just after local midnight on the 2nd, UTC is still on the 1st.
    ['2026-03-01T11:05:00Z', 'Pacific/Auckland', '2026-03-02', '2026-03-01'],
    ['2026-03-01T10:59:00Z', 'Pacific/Auckland', '2026-03-01', '2026-03-01'],
    ['2026-03-02T00:30:00Z', 'Pacific/Auckland', '2026-03-02', '2026-03-02'],
    // Los Angeles is behind UTC: just after UTC midnight, the local date is still the day before.
    ['2026-07-02T00:10:00Z', 'America/Los_Angeles', '2026-07-01', '2026-07-01'],
    ['2026-07-02T07:10:00Z', 'America/Los_Angeles', '2026-07-02', '2026-07-02'],
    // Amsterdam: one or two hours ahead of UTC.
    ['2026-01-14T23:30:00Z', 'Europe/Amsterdam', '2026-01-15', '2026-01-14'],
    ['2026-06-14T22:30:00Z', 'Europe/Amsterdam', '2026-06-15', '2026-06-14'],
    ['2026-06-14T21:30:00Z', 'Europe/Amsterdam', '2026-06-14', '2026-06-14'],
    // UTC: the two are the same.
    ['2026-12-31T23:59:59Z', 'UTC', '2026-12-31', '2026-12-31'],
    ['2027-01-01T00:00:00Z', 'UTC', '2027-01-01', '2027-01-01'],
    // Around DST changes. Amsterdam springs forward on 2026-03-29 01:00 UTC, falls back 2026-10-25 01:00 UTC.
    ['2026-03-28T23:30:00Z', 'Europe/Amsterdam', '2026-03-29', '2026-03-28'],
    ['2026-03-29T01:30:00Z', 'Europe/Amsterdam', '2026-03-29', '2026-03-29'],
    ['2026-10-24T22:30:00Z', 'Europe/Amsterdam', '2026-10-25', '2026-10-24'],
    ['2026-10-24T21:59:00Z', 'Europe/Amsterdam', '2026-10-24', '2026-10-24'],
    // Los Angeles: DST starts 2026-03-08 10:00 UTC, ends 2026-11-01 09:00 UTC.
    ['2026-03-08T07:59:00Z', 'America/Los_Angeles', '2026-03-07', '2026-03-07'],
    ['2026-03-09T06:30:00Z', 'America/Los_Angeles', '2026-03-08', '2026-03-08'],
    ['2026-11-01T07:30:00Z', 'America/Los_Angeles', '2026-11-01', '2026-11-01'],
    ['2026-11-02T07:30:00Z', 'America/Los_Angeles', '2026-11-01', '2026-11-01'],
    // Auckland: DST ends 2026-04-05 (03:00 NZDT → 02:00 NZST), starts 2026-09-27.
    ['2026-04-04T11:30:00Z', 'Pacific/Auckland', '2026-04-05', '2026-04-04'],
    ['2026-04-04T12:30:00Z', 'Pacific/Auckland', '2026-04-05', '2026-04-04'],
    ['2026-09-26T12:30:00Z', 'Pacific/Auckland', '2026-09-27', '2026-09-26'],
  ];

  it.each(cases)('at %s in %s (local %s) the latest date is %s', (instant, zone, local, latest) => {
    const now = new Date(instant);
    expect(calendarDateIn(now, zone)).toBe(local);
    expect(latestAcceptanceDate(now, zone)).toBe(latest);
  });

  it('refuses an unknown time zone with a clear error', () => {
    expect(() => latestAcceptanceDate(new Date(), 'Mars/Olympus_Mons')).toThrow(/Unknown time zone: Mars\/Olympus_Mons/);
  });
});

describe('checkAcceptanceDate', () => {
  const aucklandJustAfterMidnight = { now: new Date('2026-03-01T11:05:00Z'), timeZone: 'Pacific/Auckland' };

  it('accepts the latest date and converts it to the UTC midnight that is sent', () => {
    expect(checkAcceptanceDate('2026-03-01', aucklandJustAfterMidnight)).toEqual({
      ok: true,
      date: '2026-03-01',
      dateAgreed: '2026-03-01T00:00:00.000Z',
    });
  });

  it('refuses the local date in Auckland while UTC is still on the day before', () => {
    expect(checkAcceptanceDate('2026-03-02', aucklandJustAfterMidnight)).toEqual({
      ok: false,
      reason: 'in-future',
      date: '2026-03-02',
      latest: '2026-03-01',
    });
  });

  it.each([
    ['2019-03-01', true],
    ['2019-02-28', false],
    ['2000-01-01', false],
  ])('with the default floor, %s is allowed: %s', (date, allowed) => {
    const result = checkAcceptanceDate(date, { now: new Date('2026-05-01T12:00:00Z'), timeZone: 'UTC' });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result).toMatchObject({ reason: 'before-floor', floor: '2019-03-01' });
  });

  it('takes a configured floor', () => {
    const context = { now: new Date('2026-05-01T12:00:00Z'), timeZone: 'UTC', floor: '2021-01-01' };
    expect(checkAcceptanceDate('2020-12-31', context)).toMatchObject({ ok: false, reason: 'before-floor', floor: '2021-01-01' });
    expect(checkAcceptanceDate('2021-01-01', context).ok).toBe(true);
  });

  it.each(['', '2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z', 'yesterday', '2026-02-29'])(
    'refuses %j as not a date',
    (date) => {
      expect(checkAcceptanceDate(date, { now: new Date('2026-05-01T12:00:00Z'), timeZone: 'UTC' })).toMatchObject({
        ok: false,
        reason: 'invalid-date',
      });
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    // The century rule: 2000 was a leap year, 1900 and 2100 are not.
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  it.each([
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-12-00',
    '2026-12-32',
    '2026-1-01',
    ' 2026-01-01',
    '2026-01-01T00:00',
    '01/02/2026',
    '',
  ])('is not a calendar day: %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each(['2026-04-30', '2026-12-31', '2019-03-01', '2026-01-01'])('is a calendar day: %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });
});

describe('conversions to and from the API', () => {
  it('sends UTC midnight of the chosen day', () => {
    expect(toUtcMidnight('2018-06-14')).toBe('2018-06-14T00:00:00.000Z');
    expect(() => toUtcMidnight('2018-06-31')).toThrow(/Not a calendar date/);
  });

  it('reads offset-less API dates as UTC', () => {
    expect(parseApiInstant('2019-08-26T00:00:00')?.toISOString()).toBe('2019-08-26T00:00:00.000Z');
    expect(parseApiInstant('2019-08-26T02:00:00+02:00')?.toISOString()).toBe('2019-08-26T00:00:00.000Z');
    expect(apiInstantToCalendarDate('2019-08-26T00:00:00')).toBe('2019-08-26');
    expect(parseApiInstant('not a date')).toBeUndefined();
  });

  it('judges 600002 against the server UTC clock', () => {
    const serverNow = new Date('2026-03-01T11:05:00Z');
    expect(isAfterServerNow('2026-03-01T00:00:00.000Z', serverNow)).toBe(false);
    expect(isAfterServerNow('2026-03-02T00:00:00.000Z', serverNow)).toBe(true);
    expect(isAfterServerNow('2026-03-01T11:05:00.001Z', serverNow)).toBe(true);
    expect(isAfterServerNow('garbage', serverNow)).toBe(true);
  });
});
