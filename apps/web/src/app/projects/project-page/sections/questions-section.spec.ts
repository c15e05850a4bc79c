import type { QuestionView } from '@carnet/contracts';
import { orderQuestions } from './questions-section';

const question = (id: string, askedAt: string, status: QuestionView['status']) => ({ id, askedAt, status }) as QuestionView;

describe('orderQuestions', () => {
  it('puts the questions under way first, the newest on top, and the closed ones after, newest first', () => {
    const asked = [
      question('closed-april', '2026-04-19T09:00:00Z', 'close'),
      question('answered-may', '2026-05-02T09:00:00Z', 'repondue'),
      question('closed-june', '2026-06-01T09:00:00Z', 'close'),
      question('new-december', '2026-12-05T19:00:00Z', 'nouvelle'),
      question('taken-march', '2026-03-10T09:00:00Z', 'prise_en_charge'),
    ];
    expect(orderQuestions(asked).map((q) => q.id)).toEqual(['new-december', 'answered-may', 'taken-march', 'closed-june', 'closed-april']);
    expect(asked[0].id).toBe('closed-april'); // the project's own list is left as it is
  });
});
