import { describe, expect, it } from '@jest/globals';
import { loadCommonPasswords, PasswordPolicy } from './password-policy.js';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy(loadCommonPasswords());
  const messages = (password: string, email: string | null = 'claire.martin@exemple.fr') =>
    policy.check(password, email).map((e) => `${e.field}: ${e.message}`);

  describe('when the password is long, unusual and not the e-mail', () => {
    it('accepts it', () => {
      expect(messages('le préau fuit encore')).toEqual([]);
      expect(messages('demo-carnet-2026')).toEqual([]);
    });
  });

  describe('when it is too short', () => {
    it('asks for 12 characters, counting accented letters once', () => {
      expect(messages('éééééééééé1')).toEqual(['password: Le mot de passe doit contenir au moins 12 caractères.']);
      expect(messages('éééééééééé12')).toEqual([]);
    });
  });

  describe('when it is too long', () => {
    it('refuses more than 128 characters', () => {
      expect(messages('a'.repeat(120) + 'bcdefghij')).toEqual(['password: Le mot de passe ne doit pas dépasser 128 caractères.']);
      expect(messages('a'.repeat(119) + 'bcdefghij')).toEqual([]);
    });
  });

  describe('when it is a common password', () => {
    it('refuses it whatever the case', () => {
      for (const common of ['motdepasse123', 'AZERTYUIOP12', 'Password2024', 'soleil123456', '123456789012', 'marseille2013']) {
        expect(messages(common)).toEqual(['password: Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une courte phrase.']);
      }
    });

    it('ships a list of more than a thousand entries', () => {
      expect(loadCommonPasswords().size).toBeGreaterThan(1000);
    });
  });

  describe('when it is the e-mail address', () => {
    it('refuses it', () => {
      expect(messages('Claire.Martin@exemple.fr')).toEqual(['password: Le mot de passe ne doit pas être votre adresse e-mail.']);
    });
  });

  it('names the field it was given', () => {
    expect(policy.check('court', null, 'newPassword')[0]?.field).toBe('newPassword');
  });
});
