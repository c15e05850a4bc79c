import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../shared/problem.js';
import { parseInstant } from './audit-access.js';

describe('parseInstant — the dates an auditor gives', () => {
  it('reads a day alone as the end of that day in Paris, where the platform shows every date (summer and winter time)', () => {
    expect(parseInstant('at', '2026-11-15', true).toISOString()).toBe('2026-11-15T22:59:59.999Z');
    expect(parseInstant('at', '2026-07-01', true).toISOString()).toBe('2026-07-01T21:59:59.999Z');
    // The nights the clocks change.
    expect(parseInstant('at', '2026-03-29', true).toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(parseInstant('at', '2026-10-25', true).toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('keeps a date and time with its offset as given', () => {
    expect(parseInstant('at', '2026-11-15T08:30:00+01:00', true).toISOString()).toBe('2026-11-15T07:30:00.000Z');
  });

  it('refuses a day the calendar does not have, in French, instead of reading « 30 February » as 2 March', () => {
    for (const value of ['2026-02-30', '2026-04-31', '2026-02-30T10:00:00Z', '2026-13-01']) {
      const refused = (() => {
        try {
          parseInstant('at', value, true);
          return null;
        } catch (error) {
          return error as ProblemException;
        }
      })();
      expect(refused?.getStatus()).toBe(400);
      expect(JSON.stringify(refused?.getResponse())).toContain('n’est pas une date et heure ISO 8601 valide');
    }
  });
});
