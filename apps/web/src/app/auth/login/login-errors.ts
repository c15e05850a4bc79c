import { HttpErrorResponse } from '@angular/common/http';
import { toUserError } from '../../core/problem';

export const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
export const TOO_MANY_ATTEMPTS = 'Trop de tentatives de connexion.';

/** `Retry-After` as seconds to wait: delta-seconds or an HTTP date. Null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** « 45 secondes », « 1 minute », « 15 minutes », « 2 heures ». */
export function waitText(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return s === 1 ? '1 seconde' : `${s} secondes`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} heures`;
}

/** What the login page says when the API refuses to log someone in. */
export function loginErrorMessage(error: unknown, now = Date.now()): string {
  if (!(error instanceof HttpErrorResponse)) return toUserError(error).message;
  const userError = toUserError(error);
  if (error.status === 401) return userError.message && error.error ? userError.message : BAD_CREDENTIALS;
  if (error.status === 429) {
    const base = error.error ? userError.message : TOO_MANY_ATTEMPTS;
    const seconds = retryAfterSeconds(error.headers.get('Retry-After'), now);
    return seconds === null ? base : `${base} Vous pourrez réessayer dans ${waitText(seconds)}.`;
  }
  return userError.message;
}
