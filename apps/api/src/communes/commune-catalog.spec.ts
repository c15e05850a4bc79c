import { describe, expect, it } from '@jest/globals';
import { deCommune } from './commune-catalog.js';

describe('deCommune', () => {
  it('elides before a vowel or an h, contracts Le and Les', () => {
    expect(deCommune('Ableiges')).toBe('d’Ableiges');
    expect(deCommune('Herblay-sur-Seine')).toBe('d’Herblay-sur-Seine');
    expect(deCommune('Vigny')).toBe('de Vigny');
    expect(deCommune('Le Plessis-Bouchard')).toBe('du Plessis-Bouchard');
    expect(deCommune('Les Groues')).toBe('des Groues');
    expect(deCommune('La Roche-Guyon')).toBe('de La Roche-Guyon');
  });
});
