import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { departementOfCommune } from './departement.js';

describe('departementOfCommune', () => {
  it('reads the Département from the commune’s INSEE code, in Corsica and overseas too', () => {
    expect(departementOfCommune('95002')).toBe('95');
    expect(departementOfCommune('78646')).toBe('78');
    expect(departementOfCommune('01001')).toBe('01');
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('2B033')).toBe('2B');
    expect(departementOfCommune('97411')).toBe('974');
    expect(departementOfCommune('97611')).toBe('976');
    expect(departementOfCommune('98818')).toBe('988');
  });

  it('gives the Département the official geographic code gives, for every current commune', () => {
    const communes = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as Array<{ code: string; departement: string; type: string }>;
    const current = communes.filter((c) => c.type === 'commune-actuelle');
    expect(current.length).toBeGreaterThan(34_000);
    expect(current.filter((c) => departementOfCommune(c.code) !== c.departement).map((c) => c.code)).toEqual([]);
  });
});
