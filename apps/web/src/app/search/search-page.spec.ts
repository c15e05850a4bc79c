import { resultSentence } from './search-page';

describe('search page', () => {
  it('announces how many results a query found, in French', () => {
    expect(resultSentence(0, 'piscine')).toBe('Aucun résultat pour « piscine ».');
    expect(resultSentence(1, 'ecoles')).toBe('1 résultat pour « ecoles ».');
    expect(resultSentence(12, 'ecoles')).toBe('12 résultats pour « ecoles ».');
  });
});
