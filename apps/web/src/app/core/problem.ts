import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@carnet/contracts';

export const CONFLICT_MESSAGE =
  "Ce projet a été modifié entre-temps par quelqu’un d’autre. La page a été rechargée : vérifiez puis recommencez.";
export const NETWORK_MESSAGE =
  'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez : votre saisie est conservée.';

/** An error as shown to a person: one message, and one message per field when the API named fields. */
export interface UserError {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** `body.title`, `/title` or `title` all designate the form field `title`. */
function fieldName(field: string): string {
  const parts = field.split(/[./[\]]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Certaines informations sont à corriger.',
  403: "Vous n’avez pas le droit de faire cette action.",
  404: "Ce que vous cherchez n’existe pas ou plus.",
  409: 'Cette action n’est pas possible dans l’état actuel du projet.',
  422: 'Cette action n’est pas possible dans l’état actuel du projet.',
};

/** Turns any failure of an API call (problem+json or not) into French text for the user. */
export function toUserError(error: unknown): UserError {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: -1, message: 'Une erreur inattendue est survenue. Rechargez la page puis réessayez.', fieldErrors: {} };
  }
  if (error.status === 0) return { status: 0, message: NETWORK_MESSAGE, fieldErrors: {} };

  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  const problem = isProblem(body) ? body : null;
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of problem?.errors ?? []) {
    const name = fieldName(field);
    fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]} ${message}` : message;
  }
  const fallback =
    error.status >= 500
      ? 'Une erreur est survenue sur le serveur. Réessayez dans un instant.'
      : (DEFAULT_MESSAGES[error.status] ?? 'La demande a été refusée.');
  // Validation problems carry a `detail`; business-rule problems carry their French sentence in `title`.
  const message = problem?.detail || problem?.title || fallback;
  return { status: error.status, message, fieldErrors };
}
