import { describe, expect, it } from 'vitest';
import { addDays, overlaps, parseDate, parsePeriodArg, parseRange, today } from '../../src/core/dates.js';

describe('parseDate', () => {
  it.each([
    ['2018-10-15', '2018-10-15'],
    ['2018-1-5', '2018-01-05'],
    ['2015-01-02 11:00:28 -0400', '2015-01-02'],
    ['2016-03-23 9:00:00 -4', '2016-03-23'],
    ['2021-06-01T23:30:00+14:00', '2021-06-01'],
    ['2021-06-01T00:30:00-11:00', '2021-06-01'],
    ['15.10.2018', '2018-10-15'],
    ['5.3.2019', '2019-03-05'],
    ['15.10.2018 г.', '2018-10-15'],
    ['15.10.2018.', '2018-10-15'],
    [' 2018-10-15 ', '2018-10-15'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each(['2021-02-30', '2023-02-29', '31.4.2020', '2020-13-01', '0.1.2020'])('refuses the impossible day %s', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, problem: 'impossible' });
  });

  it.each(['next tuesday', '10/15/2018', '2018', '', '15.10.18'])('cannot read %j', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('parsePeriodArg', () => {
  it('reads a year, a month and a day as periods', () => {
    expect(parsePeriodArg('2018')).toEqual({ ok: true, period: { start: '2018-01-01', end: '2018-12-31' } });
    expect(parsePeriodArg('2018-10')).toEqual({ ok: true, period: { start: '2018-10-01', end: '2018-10-31' } });
    expect(parsePeriodArg('2024-02')).toEqual({ ok: true, period: { start: '2024-02-01', end: '2024-02-29' } });
    expect(parsePeriodArg('2018-12')).toEqual({ ok: true, period: { start: '2018-12-01', end: '2018-12-31' } });
    expect(parsePeriodArg('10.2018')).toEqual({ ok: true, period: { start: '2018-10-01', end: '2018-10-31' } });
    expect(parsePeriodArg('16.10.2018')).toEqual({ ok: true, period: { start: '2018-10-16', end: '2018-10-16' } });
  });
  it('refuses a month that does not exist', () => {
    expect(parsePeriodArg('2018-13')).toEqual({ ok: false, problem: 'impossible' });
  });
});

describe('parseRange', () => {
  it.each([
    '2018-10-15..2018-10-18',
    '15.10.2018-18.10.2018',
    '15-18.10.2018',
    '15.10-18.10.2018',
    '15 – 18.10.2018',
    '2018-10-15 - 2018-10-18',
  ])('reads %s', (input) => {
    expect(parseRange(input)).toEqual({ ok: true, period: { start: '2018-10-15', end: '2018-10-18' } });
  });
  it('reads one date as a one-day period', () => {
    expect(parseRange('15.10.2018')).toEqual({ ok: true, period: { start: '2018-10-15', end: '2018-10-15' } });
  });
  it('says which part is wrong', () => {
    expect(parseRange('30-31.2.2020')).toEqual({ ok: false, problem: 'impossible' });
    expect(parseRange('soon..later')).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('period helpers', () => {
  it('overlaps inclusively', () => {
    const conf = { start: '2018-10-15', end: '2018-10-18' };
    expect(overlaps(conf, { start: '2018-10-16', end: '2018-10-16' })).toBe(true);
    expect(overlaps(conf, { start: '2018-10-18', end: '2018-12-01' })).toBe(true);
    expect(overlaps(conf, { start: '2018-10-19', end: '2018-12-01' })).toBe(false);
    expect(overlaps(conf, { start: '2018-01-01', end: '2018-10-14' })).toBe(false);
  });
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
  });
  it('takes today in local time', () => {
    expect(today(new Date(2026, 10, 29, 23, 59))).toBe('2026-11-29');
  });
});
