import { describe, expect, it } from '@jest/globals';
import { communeTitle, de, deCommune, frenchDate, mayorOf, que, roleLabel, sentence, shortFingerprint, typographic } from './french.js';

describe('French formatting', () => {
  describe('when naming a commune', () => {
    it('elides « de » before a vowel or an h', () => {
      expect(communeTitle('Ableiges')).toBe('Commune d’Ableiges');
      expect(deCommune('Haravilliers')).toBe('d’Haravilliers');
      expect(deCommune('Épinay-Champlâtreux')).toBe('d’Épinay-Champlâtreux');
      expect(mayorOf('Aincourt')).toBe('le maire d’Aincourt');
    });

    it('keeps « de » before a consonant and contracts the article', () => {
      expect(communeTitle('Vigny')).toBe('Commune de Vigny');
      expect(deCommune('Le Plessis-Bouchard')).toBe('du Plessis-Bouchard');
      expect(deCommune('Les Mureaux')).toBe('des Mureaux');
      expect(deCommune('La Roche-Guyon')).toBe('de La Roche-Guyon');
      expect(deCommune("L'Isle-Adam")).toBe('de L’Isle-Adam');
      expect(mayorOf('Vigny', 'feminine')).toBe('la maire de Vigny');
    });
  });

  it('elides « de » and « que » in sentences', () => {
    expect(`passée ${de('Idée')}`).toBe('passée d’Idée');
    expect(`passée ${de('Travaux')}`).toBe('passée de Travaux');
    expect(que('exactement')).toBe('qu’exactement');
    expect(que('vous')).toBe('que vous');
  });

  describe('when writing a date', () => {
    it('writes « 1er » for the first day of a month', () => {
      expect(frenchDate('2026-06-01T10:00:00.000Z')).toBe('1er juin 2026');
      expect(frenchDate('2026-06-01T10:00:00.000Z', true)).toBe('1er juin 2026 à 12:00');
    });

    it('writes other days as numbers, in Paris time', () => {
      expect(frenchDate('2026-03-03T09:05:00.000Z')).toBe('3 mars 2026');
      expect(frenchDate('2026-03-10T23:30:00.000Z')).toBe('11 mars 2026');
      expect(frenchDate('n’importe quoi')).toBe('');
    });
  });

  it('writes each role in the form its holder chose', () => {
    expect(roleLabel('departement_admin', 'feminine')).toBe('Administratrice du Département');
    expect(roleLabel('departement_admin', 'masculine')).toBe('Administrateur du Département');
    expect(roleLabel('auditor', 'feminine')).toBe('Auditrice');
    expect(roleLabel('commune_member', 'feminine')).toBe('Collaboratrice de la commune');
    expect(roleLabel('commune_member')).toBe('Collaborateur de la commune');
    expect(roleLabel('commune_mayor', 'feminine')).toBe('Maire');
  });

  it('uses the typographic apostrophe and one full stop', () => {
    expect(typographic("Val d'Oise")).toBe('Val d’Oise');
    expect(sentence(`Empreinte ${shortFingerprint('a'.repeat(64))}`)).toBe(`Empreinte ${'a'.repeat(12)}…`);
    expect(sentence('Version 3')).toBe('Version 3.');
    expect(sentence('Fini.')).toBe('Fini.');
  });
});
