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

function readProblem(body: unknown): { title?: string; detail?: string } | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' ? (value as { title?: string; detail?: string }) : null;
}

/** What the login page says when the API refuses to log someone in. */
export function loginErrorMessage(error: unknown, now = Date.now()): string {
  if (!(error instanceof HttpErrorResponse)) return toUserError(error).message;
  const userError = toUserError(error);
  if (error.status === 401) return userError.message && error.error ? userError.message : BAD_CREDENTIALS;
  if (error.status === 429) {
    const problem = readProblem(error.error);
    const seconds = retryAfterSeconds(error.headers.get('Retry-After'), now);
    // The wait is computed here from Retry-After, so that it is right even if the title does not give it.
    const first = seconds === null ? (problem?.title ?? TOO_MANY_ATTEMPTS) : `${TOO_MANY_ATTEMPTS} Vous pourrez réessayer dans ${waitText(seconds)}.`;
    return problem?.detail ? `${first} ${problem.detail}` : first;
  }
  return userError.message;
}
