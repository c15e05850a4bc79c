import { describe, expect, it } from '@jest/globals';
import { centsToEuros, eurosToCents, moneyFault, moneyMessage } from './money.js';

describe('money', () => {
  describe('when the amount is euros with at most two decimals', () => {
    it.each([
      [0, 0],
      [0.01, 1],
      [0.1, 10],
      [1234.56, 123456],
      [180000, 18000000],
      [1_000_000_000, 100_000_000_000],
    ])('takes %p euros as %p cents and back', (euros, cents) => {
      expect(moneyFault(euros)).toBeNull();
      expect(eurosToCents(euros)).toBe(cents);
      expect(centsToEuros(cents)).toBe(euros);
    });
  });

  describe('when the amount is not a price', () => {
    it.each([
      [1e-7, 'too_precise'],
      [5e-324, 'too_precise'],
      [0.0000001, 'too_precise'],
      [12.345, 'too_precise'],
      [0.1 + 0.2, 'too_precise'],
      [-0.01, 'negative'],
      [1_000_000_000.01, 'too_large'],
      [1e21, 'too_large'],
      [Number.NaN, 'not_a_number'],
      [Number.POSITIVE_INFINITY, 'not_a_number'],
      ['12', 'not_a_number'],
      [null, 'not_a_number'],
    ])('refuses %p (%s)', (value, fault) => {
      expect(moneyFault(value)).toBe(fault);
    });

    it('says so in French', () => {
      expect(moneyMessage('Le coût estimé', 'too_precise')).toBe('Le coût estimé doit être en euros avec deux décimales au plus (par exemple 1234.56).');
      expect(() => eurosToCents(1e-7)).toThrow(RangeError);
    });
  });
});
