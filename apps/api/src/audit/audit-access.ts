import type { Actor } from '@carnet/domain';
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
  const time = ok ? Date.parse(dateOnly ? `${value}T23:59:59.999Z` : value) : NaN;
  if (Number.isNaN(time)) throw invalidDate(name, `« ${value} » n’est pas une date et heure ISO 8601 valide (par exemple 2026-03-01T12:00:00Z).`);
  return new Date(time);
}

const invalidDate = (field: string, message: string) =>
  new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field, message }]);
