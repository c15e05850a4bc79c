import { validateFaqForm, keywordsOf, toRequest, type FaqFormValue } from './faq-entry-form';
import { removedSentence } from './faq-entry-page';
import { usefulnessSentence } from './faq-entry-item';
import { faqResultSentence } from './faq-page';
import { suggestionSentence } from './faq-suggestions';

const value = (over: Partial<FaqFormValue> = {}): FaqFormValue => ({
  question: 'Quand déposer la DETR ?',
  answer: 'Avant fin janvier.',
  category: 'financement',
  keywords: 'DETR, subvention , DETR',
  team: 'aides',
  audience: 'public',
  reason: '',
  ...over,
});

describe('FAQ screens', () => {
  describe('the entry form', () => {
    it('asks for the question, the answer, the category and, for the Département, the team', () => {
      expect(validateFaqForm(value({ question: 'Qui', answer: ' ', category: '', team: '' }), true)).toEqual({
        question: 'Écrivez la question (5 caractères au moins).',
        answer: 'Écrivez la réponse.',
        category: 'Choisissez une catégorie.',
        team: 'Choisissez l’équipe responsable.',
      });
      expect(validateFaqForm(value({ team: '' }), false)).toEqual({});
    });
    it('reads keywords separated by commas, once each, and sends a trimmed request', () => {
      expect(keywordsOf('DETR, subvention , DETR;école')).toEqual(['DETR', 'subvention', 'école']);
      expect(toRequest(value({ reason: '  ' }))).toEqual({ question: 'Quand déposer la DETR ?', answer: 'Avant fin janvier.', category: 'financement', keywords: ['DETR', 'subvention'], team: 'aides', audience: 'public' });
    });
  });

  it('says what the anonymiser removed, in French', () => {
    expect(removedSentence({ names: 2, emails: 1, phones: 0, communes: 1 })).toBe(
      'Retirés automatiquement : 2 noms de personnes, 1 adresse e-mail et 1 nom de commune. Relisez le brouillon : d’autres détails peuvent encore désigner la commune ou une personne.',
    );
    expect(removedSentence({ names: 0, emails: 0, phones: 0, communes: 0 })).toBeNull();
  });

  it('announces suggestions and results in words', () => {
    expect(suggestionSentence(0)).toBe('');
    expect(suggestionSentence(1)).toBe('Une réponse déjà publiée pourrait vous aider.');
    expect(suggestionSentence(5)).toBe('5 réponses déjà publiées pourraient vous aider.');
    expect(faqResultSentence(3, 'subvention ecole')).toBe('3 réponses pour « subvention ecole », les plus utiles d’abord.');
    expect(faqResultSentence(0, 'xyz')).toBe('Aucune réponse pour « xyz ».');
    expect(faqResultSentence(2, '', 'draft')).toBe('2 entrées « Brouillon ».');
    expect(usefulnessSentence({ usefulCount: 2, notUsefulCount: 1, openedCount: 7 })).toBe('2 personnes l’ont trouvée utile, 1 non · ouverte 7 fois');
  });
});
