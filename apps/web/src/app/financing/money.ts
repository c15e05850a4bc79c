import { parseAmount } from '../projects/shared/form-helpers';

const whole = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const cents2 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer cents → « 300 000 € » (« 1 500,50 € » when there are cents); « — » for null. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  const text = cents % 100 === 0 ? whole.format(cents / 100) : cents2.format(cents / 100);
  return `${text.replace(/[\u202f\u00a0]/g, ' ')} €`;
}

/** « 300 000 », « 1 500,50 » → integer cents; null when empty, undefined when not a positive amount. */
export function parseCents(text: string): number | null | undefined {
  const euros = parseAmount(text);
  if (euros === null || euros === undefined) return euros;
  return Math.round(euros * 100);
}

/** « 12,5 % ». */
export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }).format(value)} %`;

/** « 2027-03-10 » → « 10/03/2027 ». */
export const formatDay = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

/** Today as « AAAA-MM-JJ » in the person's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
