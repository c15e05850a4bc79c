import { describe, expect, it } from '@jest/globals';
import { settleWithin } from './settle-within.js';

describe('settleWithin', () => {
  it('says settled when the work ends in time, even by failing', async () => {
    expect(await settleWithin(Promise.resolve(1), 1000)).toBe('settled');
    expect(await settleWithin(Promise.reject(new Error('SMTP')), 1000)).toBe('settled');
    expect(await settleWithin(null, 1000)).toBe('settled');
  });

  it('gives up on work that never ends', async () => {
    expect(await settleWithin(new Promise(() => {}), 20)).toBe('timed_out');
  });
});
