import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { BAD_CREDENTIALS, loginErrorMessage, retryAfterSeconds, waitText } from './login-errors';

const refused = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new HttpErrorResponse({
    status,
    error: body,
    headers: new HttpHeaders({ 'Content-Type': 'application/problem+json', ...headers }),
    url: '/api/auth/login',
  });

describe('loginErrorMessage', () => {
  describe('when the e-mail or the password is wrong (401)', () => {
    it('shows the API’s French sentence', () => {
      const error = refused(401, { type: 'urn:x:bad_credentials', title: BAD_CREDENTIALS, status: 401 });
      expect(loginErrorMessage(error)).toBe('Adresse e-mail ou mot de passe incorrect.');
    });

    it('says the same without a problem body, never which of the two was wrong', () => {
      expect(loginErrorMessage(refused(401, null))).toBe(BAD_CREDENTIALS);
    });
  });

  describe('when too many attempts were made (429)', () => {
    it('says how long to wait, from Retry-After in seconds, then the API’s explanation', () => {
      const error = refused(
        429,
        {
          type: 'urn:carnet-de-projets:probleme:too_many_login_attempts',
          title: 'Trop de tentatives de connexion. Réessayez dans 15 minutes.',
          status: 429,
          detail: 'Par sécurité, la connexion est suspendue un moment après plusieurs erreurs.',
        },
        { 'Retry-After': '300' },
      );
      expect(loginErrorMessage(error)).toBe(
        'Trop de tentatives de connexion. Vous pourrez réessayer dans 5 minutes. Par sécurité, la connexion est suspendue un moment après plusieurs erreurs.',
      );
    });

    it('reads Retry-After as an HTTP date too', () => {
      const now = Date.parse('2026-11-29T10:00:00Z');
      const error = refused(429, null, { 'Retry-After': 'Sun, 29 Nov 2026 10:00:45 GMT' });
      expect(loginErrorMessage(error, now)).toBe('Trop de tentatives de connexion. Vous pourrez réessayer dans 45 secondes.');
    });

    it('keeps the API’s message when the wait is unknown', () => {
      const error = refused(429, { type: 'x', title: 'Trop de tentatives. Patientez un peu.', status: 429 });
      expect(loginErrorMessage(error)).toBe('Trop de tentatives. Patientez un peu.');
    });
  });

  it('tells when the server cannot be reached', () => {
    expect(loginErrorMessage(new HttpErrorResponse({ status: 0 }))).toContain('Le serveur ne répond pas');
  });
});

describe('waiting times in words', () => {
  it.each([
    ['1', 1, '1 seconde'],
    ['59', 59, '59 secondes'],
    ['61', 61, '2 minutes'],
    ['60', 60, '1 minute'],
    ['7200', 7200, '2 heures'],
  ])('Retry-After: %s', (header, seconds, text) => {
    expect(retryAfterSeconds(header)).toBe(seconds);
    expect(waitText(seconds)).toBe(text);
  });

  it('ignores an unreadable header', () => {
    expect(retryAfterSeconds('bientôt')).toBeNull();
    expect(retryAfterSeconds(null)).toBeNull();
  });
});
