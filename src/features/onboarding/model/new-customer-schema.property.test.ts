import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementTimeOf } from '@/features/onboarding/model/new-customer-schema';

const NUM_RUNS = 200;
const DAY = 24 * 60 * 60 * 1000;
/** The range of a JavaScript Date: 100 000 000 days either side of 1970. */
const MAX_TIME = 8.64e15;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Any text of the shape yyyy-mm-dd, a real day or not ("2026-02-31", "2026-00-99"). */
const dateShapedText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);

/** Any instant a Date can hold. */
const anyNow = fc.integer({ min: -MAX_TIME, max: MAX_TIME });

/** Real days from year 100 on (the years 0–99 have their own test below). */
const calendarDate = fc
  .date({
    min: new Date('0100-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T00:00:00.000Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('agreementTimeOf', () => {
  it('is never later than now, for any yyyy-mm-dd and any now', () => {
    fc.assert(
      fc.property(dateShapedText, anyNow, (date, now) => {
        const sent = agreementTimeOf(date, now);
        expect(sent).toMatch(/^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(Date.parse(sent)).toBeLessThanOrEqual(now);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is noon UTC of the date when that is already past, else now', () => {
    const dateAndNow = calendarDate.chain((date) =>
      fc.tuple(
        fc.constant(date),
        fc.oneof(
          // Around the day itself, where the user's time zone decides.
          fc.integer({ min: -2 * DAY, max: 2 * DAY }).map((offset) => {
            return Date.parse(`${date}T12:00:00.000Z`) + offset;
          }),
          anyNow,
        ),
      ),
    );
    fc.assert(
      fc.property(dateAndNow, ([date, now]) => {
        const noon = `${date}T12:00:00.000Z`;
        const expected = Date.parse(noon) <= now ? noon : new Date(now).toISOString();
        expect(agreementTimeOf(date, now)).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is noon UTC exactly when now is noon', () => {
    const noon = Date.parse('2026-11-30T12:00:00.000Z');
    expect(agreementTimeOf('2026-11-30', noon)).toBe('2026-11-30T12:00:00.000Z');
    expect(agreementTimeOf('2026-11-30', noon - 1)).toBe('2026-11-30T11:59:59.999Z');
  });

  it('is never later than the clock when now is left out', () => {
    const sent = agreementTimeOf('2999-01-01');
    expect(Date.parse(sent)).toBeLessThanOrEqual(Date.now());
    expect(agreementTimeOf('2000-01-01')).toBe('2000-01-01T12:00:00.000Z');
  });

  // Date.UTC would read the years 0–99 as 1900–1999: the date sent must be the date picked.
  it.each(['0026-12-01', '0000-01-01', '0099-12-31'])(
    'keeps the year of %s (years 0–99 are not 1900–1999)',
    (date) => {
      expect(agreementTimeOf(date, Date.parse('2026-12-01T15:00:00.000Z'))).toBe(
        `${date}T12:00:00.000Z`,
      );
    },
  );
});
