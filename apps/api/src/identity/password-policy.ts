import { existsSync, readFileSync } from 'node:fs';

/** A French message per field, as the 400 problem lists them. */
export interface FieldError {
  field: string;
  message: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Reads `common-passwords.txt`: next to this file in src; tsc does not copy it to dist, so from there, in src. */
export function loadCommonPasswords(): Set<string> {
  const here = new URL('./common-passwords.txt', import.meta.url);
  const url = existsSync(here) ? here : new URL('../../src/identity/common-passwords.txt', import.meta.url);
  const lines = readFileSync(url, 'utf8').split('\n');
  return new Set(lines.map((l) => l.trim().toLowerCase()).filter((l) => l !== '' && !l.startsWith('#')));
}

/**
 * What a password must be: 12 to 128 characters (length is what makes a password strong; 128 caps
 * the work argon2 is given), not a well-known password, not the person's e-mail address.
 * No composition rules (upper case, digits…): they push people to predictable variants.
 */
export class PasswordPolicy {
  constructor(private readonly common: ReadonlySet<string>) {}

  /** The problems with this password, for the field `field`; empty when it is acceptable. */
  check(password: string, email: string | null, field = 'password'): FieldError[] {
    // Length in characters as people count them (an accented letter or an emoji is one).
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) {
      return [{ field, message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` }];
    }
    if (length > PASSWORD_MAX_LENGTH) {
      return [{ field, message: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` }];
    }
    const folded = password.trim().toLowerCase();
    if (this.common.has(folded)) {
      return [{ field, message: 'Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une courte phrase.' }];
    }
    if (email && folded === email.trim().toLowerCase()) {
      return [{ field, message: 'Le mot de passe ne doit pas être votre adresse e-mail.' }];
    }
    return [];
  }
}
