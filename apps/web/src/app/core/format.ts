import { Pipe, PipeTransform } from '@angular/core';
import { frenchDate } from '@carnet/contracts';

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euroRoundFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** « 1er juin 2026 », « 3 mars 2026 à 14:05 »: the rule of libs/contracts/src/french.ts, as the API and the e-mails write it. */
export function formatDate(iso: string, withTime = false): string {
  return frenchDate(iso, withTime);
}

export function formatEuros(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return 'Non renseigné';
  return (Number.isInteger(amount) ? euroRoundFormat : euroFormat).format(amount);
}

/** `{{ iso | frDate }}` → « 3 mars 2026 » ; `{{ iso | frDate: true }}` → « 3 mars 2026 à 14:05 ». */
@Pipe({ name: 'frDate' })
export class FrDate implements PipeTransform {
  transform(iso: string | null | undefined, withTime = false): string {
    return iso ? formatDate(iso, withTime) : '';
  }
}

/** `{{ 12000 | euros }}` → « 12 000 € ». */
@Pipe({ name: 'euros' })
export class Euros implements PipeTransform {
  transform(amount: number | null | undefined): string {
    return formatEuros(amount);
  }
}
