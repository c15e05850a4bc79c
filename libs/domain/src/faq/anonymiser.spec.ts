import { describe, expect, it } from '@jest/globals';
import { anonymise } from './anonymiser.js';

const known = { personNames: ['Claire Martin', 'Julien Petit', 'Sophie Bernard'], communeNames: ['Ableiges', 'Nesles-la-Vallée', 'Vigny'] };

describe('anonymise', () => {
  describe('when the text holds e-mail addresses and French phone numbers', () => {
    it('replaces each of them', () => {
      const r = anonymise('Écrivez à claire.martin@ableiges.fr ou au 01 34 66 41 00, sinon +33 6 12 34 56 78 ou 06.12.34.56.78.', known);
      expect(r.text).toBe('Écrivez à [adresse e-mail] ou au [téléphone], sinon [téléphone] ou [téléphone].');
      expect(r.removed).toMatchObject({ emails: 1, phones: 3 });
    });
    it('leaves amounts, years and postal codes alone', () => {
      const text = 'Le plafond est de 300 000 € HT en 2026, pour le 95810 ; 40 % du coût.';
      expect(anonymise(text, known).text).toBe(text);
    });
  });

  describe('when the text names people the system knows', () => {
    it('removes full names and capitalised parts of them, whatever the accents and case of the full name', () => {
      const r = anonymise('Bonjour, je suis claire MARTIN. Voyez avec Julien ou avec Mme Bernard.', known);
      expect(r.text).toBe('Bonjour, je suis [nom]. Voyez avec [nom] ou avec Mme [nom].');
    });
    it('keeps ordinary words that happen to be a lowercase part of a name', () => {
      expect(anonymise('Un petit préau, une martin-pêcheur.', known).text).toBe('Un petit préau, une martin-pêcheur.');
    });
    it('removes a person named with a civility even when unknown', () => {
      expect(anonymise('M. Durand, notre secrétaire, et Madame Lopez Garcia ont vu le devis.', known).text).toBe('M. [nom], notre secrétaire, et Madame [nom] ont vu le devis.');
    });
  });

  describe('when the text names the commune', () => {
    it('replaces the commune’s name, with or without accents, and keeps the sentence readable', () => {
      const r = anonymise('La commune de Nesles-la-Vallee demande la DETR ; à Ableiges aussi.', known);
      expect(r.text).toBe('La commune demande la DETR ; à la commune aussi.');
      expect(r.removed.communes).toBe(2);
    });
    it('does not touch a word that merely contains a commune’s name', () => {
      expect(anonymise('Les vignes de Vignyssois', known).text).toBe('Les vignes de Vignyssois');
      expect(anonymise('Des chars à Chars.', { personNames: [], communeNames: ['Chars'] }).text).toBe('Des chars à la commune.');
    });
  });
});
