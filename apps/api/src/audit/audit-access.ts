import type { Actor } from '@carnet/domain';
import { isCalendarDay } from '../shared/calendar-day.js';
import { ProblemException } from '../shared/problem.js';

const AUDITORS = new Set(['auditor', 'departement_admin']);

/** The audit area is for the Département's auditors and administrators only (403 problem otherwise). */
export function requireAuditor(actor: Actor): void {
  if (!AUDITORS.has(actor.role)) {
    throw new ProblemException(
      403,
      'audit_forbidden',
      'Accès réservé aux auditeurs',
      'L’espace d’audit est réservé aux auditeurs et aux administrateurs du Département.',
    );
  }
}

/** Parses an ISO-8601 date or date-time from the query string; a date alone means the end of that day (UTC). */
export function parseInstant(name: string, value: string | undefined, required: true): Date;
export function parseInstant(name: string, value: string | undefined, required?: false): Date | undefined;
export function parseInstant(name: string, value: string | undefined, required = false): Date | undefined {
  if (value === undefined || value === '') {
    if (!required) return undefined;
    throw invalidDate(name, 'Ce paramètre est obligatoire : une date et heure ISO 8601, par exemple 2026-03-01T12:00:00Z.');
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ok = dateOnly || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  // A day that the calendar does not have (« 2026-02-30 ») is refused, not read as 2 March.
  const time = ok && isCalendarDay(value.slice(0, 10)) ? (dateOnly ? endOfParisDay(value) : Date.parse(value)) : NaN;
  if (Number.isNaN(time)) throw invalidDate(name, `« ${value} » n’est pas une date et heure ISO 8601 valide (par exemple 2026-03-01T12:00:00Z).`);
  return new Date(time);
}

const PARIS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** How far Paris's wall clock is ahead of UTC at that instant (ms): one hour in winter, two in summer. */
function parisOffset(time: number): number {
  const p = Object.fromEntries(PARIS.formatToParts(new Date(time)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(time / 1000) * 1000;
}

/**
 * A date alone (« 2026-11-15 ») is the end of that day as the platform shows every date: in Paris
 * (its last millisecond there, 22:59:59.999Z in winter). Midnight UTC would count an event recorded at
 * 00:30 in Paris on the 16th as being of the 15th, and a page would say « le 16 » for « le 15 ».
 */
function endOfParisDay(day: string): number {
  const wall = Date.parse(`${day}T23:59:59.999Z`);
  if (Number.isNaN(wall)) return NaN;
  // The offset at the guess, then again at the answer (a change of time falls on a Sunday night).
  const guess = wall - parisOffset(wall);
  return wall - parisOffset(guess);
}

const invalidDate = (field: string, message: string) =>
  new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field, message }]);
