import { describe, expect, it } from '@jest/globals';
import { analyseFrench, analyseQuery, excerptOf, stemFrench } from './french-analyser.js';

const termOf = (word: string): string[] => analyseFrench(word);

describe('the French analyser', () => {
  describe('when two words should find each other', () => {
    it.each([
      ['école', 'ecoles'],
      ['écoles', 'École'],
      ['financements', 'financement'],
      ['financement', 'financer'],
      ['subvention', 'subventions'],
      ['rénovation', 'rénover'],
      ['rénovée', 'rénovés'],
      ['locaux', 'local'],
      ['communaux', 'communale'],
      ['réseaux', 'réseau'],
      ['jeux', 'jeu'],
      ['éclairage', 'éclairer'],
      ['Mairie', 'mairies'],
      ['TOITURE', 'toitures'],
      ['animateur', 'animation'],
      ['idée', 'idées'],
      ['aménagements', 'aménagement'],
    ])('« %s » and « %s » give the same term', (a, b) => {
      expect(termOf(a)).toEqual(termOf(b));
      expect(termOf(a)).toHaveLength(1);
    });
  });

  describe('when two words are different', () => {
    it.each([
      ['village', 'ville'],
      ['école', 'éclairage'],
      ['subvention', 'subvenir'],
      ['station', 'nation'],
      ['bus', 'but'],
      ['élément', 'élan'],
    ])('« %s » and « %s » stay apart', (a, b) => {
      expect(termOf(a)).not.toEqual(termOf(b));
    });
  });

  describe('when a word is short or a number', () => {
    it('keeps numbers and short words as they are', () => {
      expect(stemFrench('2026')).toBe('2026');
      expect(stemFrench('bus')).toBe('bus');
      expect(stemFrench('gaz')).toBe('gaz');
    });
  });

  describe('when the text has function words and elisions', () => {
    it('drops them and keeps the meaningful words in order', () => {
      expect(analyseFrench('La toiture de l’école et des écoles')).toEqual(['toitur', 'ecol', 'ecol']);
    });

    it('gives each query term once', () => {
      expect(analyseQuery('école écoles ECOLE')).toEqual(['ecol']);
      expect(analyseQuery('de la')).toEqual([]);
    });
  });

  describe('excerpts', () => {
    it('marks every word the query found, with its accents and case as written', () => {
      const parts = excerptOf('Rénovation de l’École Jules-Ferry : les écoles du village', ['ecol']);
      expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['École', 'écoles']);
      expect(parts.map((p) => p.text).join('')).toBe('Rénovation de l’École Jules-Ferry : les écoles du village');
    });

    it('cuts a long text around the first match, between words', () => {
      const long = `${'Préambule sans rapport. '.repeat(20)}La subvention a été accordée. ${'Suite du texte. '.repeat(20)}`;
      const parts = excerptOf(long, ['subvention'], 120);
      const text = parts.map((p) => p.text).join('');
      expect(text.length).toBeLessThanOrEqual(126);
      expect(text.startsWith('… ')).toBe(true);
      expect(text.endsWith(' …')).toBe(true);
      expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['subvention']);
      expect(text).not.toMatch(/… [a-zà-ü]*[^\s.]… /);
    });

    it('gives the start of the text when nothing matches', () => {
      expect(excerptOf('Un texte court', ['absent'])).toEqual([{ text: 'Un texte court', match: false }]);
    });
  });
});
