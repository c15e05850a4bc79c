import { formatCents, parseCents } from './money';

describe('amounts of the financing plan', () => {
  it('are shown the French way, without cents when there are none', () => {
    expect(formatCents(300_000_00)).toBe('300 000 €');
    expect(formatCents(150_050)).toBe('1 500,50 €');
    expect(formatCents(null)).toBe('—');
  });
  it('are read from what a person types, into integer cents', () => {
    expect(parseCents('300 000')).toBe(300_000_00);
    expect(parseCents('1 500,50')).toBe(150_050);
    expect(parseCents('')).toBeNull();
    expect(parseCents('beaucoup')).toBeUndefined();
  });
});
