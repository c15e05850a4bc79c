import type { FieldErrors } from '../projects/shared/form-helpers';

export const PASSWORD_MIN_LENGTH = 12;

/** Checks done before sending; the API also refuses common passwords. */
export function validateNewPassword(password: string, confirmation: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!password) errors['password'] = 'Choisissez un mot de passe.';
  else if (password.length < PASSWORD_MIN_LENGTH)
    errors['password'] = `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères (il en compte ${password.length}).`;
  if (!errors['password'] && confirmation !== password) errors['confirmation'] = 'Les deux mots de passe ne sont pas identiques.';
  return errors;
}
