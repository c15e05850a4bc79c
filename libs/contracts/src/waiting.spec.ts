import { describe, expect, it } from '@jest/globals';
import { waitingDays, waitingDuration, waitingSinceOf } from './waiting.js';

describe('a question’s waiting time', () => {
  describe('when it was never answered', () => {
    it('counts from when it was asked, taking it in charge changing nothing', () => {
      const since = waitingSinceOf([
        { at: '2026-01-01T10:00:00.000Z', status: 'nouvelle' },
        { at: '2026-01-03T10:00:00.000Z', status: 'prise_en_charge' },
      ]);
      expect(since).toBe('2026-01-01T10:00:00.000Z');
      expect(waitingDays(since!, '2026-01-11T09:00:00.000Z')).toBe(9);
    });
  });

  describe('when it was answered then reopened', () => {
    it('counts from the last reopening', () => {
      const since = waitingSinceOf([
        { at: '2026-01-01T10:00:00.000Z', status: 'nouvelle' },
        { at: '2026-01-02T10:00:00.000Z', status: 'repondue' },
        { at: '2026-04-20T10:00:00.000Z', status: 'nouvelle' },
      ]);
      expect(since).toBe('2026-04-20T10:00:00.000Z');
    });
  });

  it('does not wait once answered or closed', () => {
    expect(waitingSinceOf([{ at: '2026-01-01T10:00:00.000Z', status: 'nouvelle' }, { at: '2026-01-02T10:00:00.000Z', status: 'close' }])).toBeNull();
  });

  it('is said in whole days', () => {
    expect(waitingDuration(0.4)).toBe('moins d’un jour');
    expect(waitingDuration(1.9)).toBe('1 jour');
    expect(waitingDuration(110)).toBe('110 jours');
    expect(waitingDuration(1200).replace(/\s/g, ' ')).toBe('1 200 jours');
  });
});
