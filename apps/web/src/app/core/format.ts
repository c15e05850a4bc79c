import { Pipe, PipeTransform } from '@angular/core';
import { frenchDate, roleLabel, type ActorRole, type RoleForm } from '@carnet/contracts';

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

/** `{{ person | roleOf }}` → « Administratrice du Département »: the role in the form the person chose (libs/contracts/src/french.ts). */
@Pipe({ name: 'roleOf' })
export class RoleOf implements PipeTransform {
  transform(person: { role: string; roleForm?: RoleForm | null } | null | undefined): string {
    return person ? roleLabel(person.role as ActorRole, person.roleForm) : '';
  }
}

/** The browser's UTC offset on that day (« AAAA-MM-JJ »), as « +01:00 »: a day typed by a person means their day. */
export function dayOffset(day: string): string {
  const minutes = -new Date(`${day}T12:00:00`).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The first and the last instant of a day typed by a person, in ISO 8601 with their offset. */
export const startOfDay = (day: string): string => `${day}T00:00:00${dayOffset(day)}`;
export const endOfDay = (day: string): string => `${day}T23:59:59.999${dayOffset(day)}`;

/** « 15 novembre 2026 » for a typed day, without going through midnight UTC (which is the day before west of Greenwich). */
export const formatDay = (day: string): string => formatDate(`${day}T12:00:00${dayOffset(day)}`);
