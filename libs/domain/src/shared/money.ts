/**
 * Money as the platform keeps it: euros hors taxes with at most two decimals, between 0 and
 * MONEY_MAX_EUROS. Events carry euros (their published shape); arithmetic and checks go through
 * integer cents, so that 0.1 + 0.2 never drifts and 1e-7 or 5e-324 is never taken for a price.
 */

/** One billion euros: no commune project comes near it, and cents stay exact integers (< 2^53). */
export const MONEY_MAX_EUROS = 1_000_000_000;

/** Why an amount is refused, for a French message. */
export type MoneyFault = 'not_a_number' | 'negative' | 'too_large' | 'too_precise';

/** The fault of a value sent as an amount in euros, or null when it is a valid one. */
export function moneyFault(value: unknown): MoneyFault | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
  if (value < 0) return 'negative';
  if (value > MONEY_MAX_EUROS) return 'too_large';
  // The shortest text that reads back as the same double: "1234.5", "0.01", "1e-7".
  // Anything else than digits with at most two decimals is not a price in euros.
  if (!/^\d+(?:\.\d{1,2})?$/.test(String(value))) return 'too_precise';
  return null;
}

/** Integer cents of an amount in euros; throws RangeError when it is not a valid amount (see moneyFault). */
export function eurosToCents(value: number): number {
  const fault = moneyFault(value);
  if (fault) throw new RangeError(`not an amount in euros (${fault}): ${String(value)}`);
  const [units, decimals = ''] = String(value).split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Euros of an integer number of cents. */
export const centsToEuros = (cents: number): number => cents / 100;

/** French message for a refused amount: `label` is « Le coût estimé », « Le montant obtenu »… */
export function moneyMessage(label: string, fault: MoneyFault): string {
  switch (fault) {
    case 'not_a_number':
      return `${label} doit être un nombre (euros HT, deux décimales au plus).`;
    case 'negative':
      return `${label} ne peut pas être négatif.`;
    case 'too_large':
      return `${label} est trop élevé (un milliard d’euros au plus).`;
    case 'too_precise':
      return `${label} doit être en euros avec deux décimales au plus (par exemple 1234.56).`;
  }
}
