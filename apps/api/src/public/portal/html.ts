import { frenchDate } from '@carnet/contracts';
/** Escapes text for HTML content and attribute values (every template value goes through it). */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Already-escaped HTML, built only by `html` below: templates cannot forget to escape. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolated values are escaped unless they are SafeHtml (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return esc(value);
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const BYTES = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const euros = (n: number): string => EUROS.format(n);
/** « 1er juin 2026 » (libs/contracts/src/french.ts). */
export const frDate = (iso: string): string => frenchDate(iso);
export const isoDay = (iso: string): string => iso.slice(0, 10);
export const fileSize = (n: number): string => (n < 1024 ? `${n} octets` : n < 1024 * 1024 ? `${BYTES.format(n / 1024)} Ko` : `${BYTES.format(n / 1024 / 1024)} Mo`);
