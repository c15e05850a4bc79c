import type { HistoryEntry, ProjectDetail, QuestionView } from '@carnet/contracts';
import { nextAction } from './project-summary';
import { newestFirst } from './project-store';

const detail = (over: Partial<ProjectDetail> = {}): ProjectDetail =>
  ({
    id: 'p', codeInsee: '95002', communeName: 'Ableiges', title: 'Préau', theme: 'ecole', step: 'etudes', progress: 20, estimatedCostHt: null,
    openQuestions: 0, publication: 'none', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1,
    description: '', questions: [], publicationWork: null, documents: [], ...over,
  }) as ProjectDetail;
const question = (status: QuestionView['status']) => ({ id: status, status }) as QuestionView;

describe('nextAction', () => {
  it('names the mayor’s approval first, then the answers awaited, then what the step calls for', () => {
    const work = { latest: { version: 2 }, awaitingApproval: true } as ProjectDetail['publicationWork'];
    expect(nextAction(detail({ step: 'termine', publicationWork: work, questions: [question('nouvelle')] }))).toBe('Accord du maire sur la version 2 à publier');
    expect(nextAction(detail({ questions: [question('nouvelle'), question('prise_en_charge'), question('close')] }))).toBe('Réponse du Département à 2 questions');
    expect(nextAction(detail({ questions: [question('repondue')] }))).toBe('Terminer les études et préparer le plan de financement');
    expect(nextAction(detail({ step: 'termine' }))).toBe('Partager le retour d’expérience : demander la publication');
    expect(nextAction(detail({ step: 'termine', publication: 'published' }))).toBe('Aucune : le projet est terminé et publié');
  });
});

describe('newestFirst', () => {
  const entry = (position: number, at: string) => ({ position, at }) as HistoryEntry;
  it('orders a history by time, the most recent first, even when the log wrote it out of order', () => {
    const history = [entry(1, '2026-03-01T10:00:00Z'), entry(2, '2026-07-01T10:00:00Z'), entry(3, '2026-05-01T10:00:00Z'), entry(4, '2026-07-01T10:00:00Z')];
    expect(newestFirst(history).map((h) => h.position)).toEqual([4, 2, 3, 1]);
  });
});
