import { describe, expect, it } from '@jest/globals';
import { ageBucket, daysBetween, median, monthlyFigures, openQuestionsByAge, projectsByCommune, statusAt, waitingSince } from './dashboard-figures.js';
import type { DashboardProjectDoc } from './projections/dashboard-project.projection.js';
import type { DashboardQuestionDoc } from './projections/dashboard-question.projection.js';

const question = (askedAt: string, transitions: Array<[string, DashboardQuestionDoc['status']]> = []): DashboardQuestionDoc & { id: string } => {
  const all = [{ at: askedAt, status: 'nouvelle' as const }, ...transitions.map(([at, status]) => ({ at, status }))];
  const firstAnswer = all.find((t) => t.status === 'repondue');
  return { id: askedAt, projectId: 'p', category: 'autre', team: 'accompagnement', text: '', askedAt, status: all[all.length - 1].status, firstAnsweredAt: firstAnswer?.at ?? null, transitions: all };
};

describe('dashboard figures', () => {
  describe('age buckets', () => {
    it.each([
      [0, 'lt2'],
      [1.9, 'lt2'],
      [2, '2to5'],
      [4.9, '2to5'],
      [5, '5to15'],
      [14.9, '5to15'],
      [15, 'gt15'],
      [400, 'gt15'],
    ])('puts %s days in %s', (days, bucket) => {
      expect(ageBucket(days)).toBe(bucket);
    });
  });

  describe('median', () => {
    it('takes the middle value, the mean of the two middle ones for an even count, null for none', () => {
      expect(median([6, 1, 2])).toBe(2);
      expect(median([1, 2, 4, 10])).toBe(3);
      expect(median([])).toBeNull();
    });
  });

  describe('open questions by age', () => {
    it('count a reopened question from its reopening, as « À traiter » and the project page do', () => {
      const now = new Date('2026-06-15T12:00:00.000Z');
      const reopened = question('2026-02-25T12:00:00.000Z', [
        ['2026-02-26T12:00:00.000Z', 'repondue'],
        ['2026-06-12T12:00:00.000Z', 'nouvelle'],
      ]);
      expect(waitingSince(reopened)).toBe('2026-06-12T12:00:00.000Z');
      expect(openQuestionsByAge([reopened], now).find((r) => r.count === 1)?.key).toBe('2to5');
    });

    it('counts the questions waiting for the Département only', () => {
      const now = new Date('2026-06-15T12:00:00.000Z');
      const rows = openQuestionsByAge(
        [
          question('2026-06-15T00:00:00.000Z'),
          question('2026-06-12T12:00:00.000Z', [['2026-06-13T00:00:00.000Z', 'prise_en_charge']]),
          question('2026-06-01T00:00:00.000Z', [['2026-06-02T00:00:00.000Z', 'repondue']]),
          question('2026-05-01T00:00:00.000Z', [['2026-05-02T00:00:00.000Z', 'close']]),
          question('2026-05-01T00:00:00.000Z'),
        ],
        now,
      );
      expect(rows.map((r) => [r.label, r.count])).toEqual([
        ['moins de 2 jours', 1],
        ['2 à 5 jours', 1],
        ['5 à 15 jours', 0],
        ['plus de 15 jours', 1],
      ]);
    });
  });

  describe('a question’s status at a date', () => {
    it('is the last change before it, and null before it was asked', () => {
      const q = question('2026-03-01T00:00:00.000Z', [['2026-03-05T00:00:00.000Z', 'repondue'], ['2026-03-10T00:00:00.000Z', 'prise_en_charge']]);
      expect(statusAt(q, '2026-02-28T00:00:00.000Z')).toBeNull();
      expect(statusAt(q, '2026-03-06T00:00:00.000Z')).toBe('repondue');
      expect(statusAt(q, '2026-03-31T23:59:59.999Z')).toBe('prise_en_charge');
      expect(daysBetween(q.askedAt, '2026-03-05T12:00:00.000Z')).toBe(4.5);
    });
  });

  describe('monthly figures', () => {
    it('gives the last twelve months, oldest first, with French labels', () => {
      const months = monthlyFigures([], [], new Date('2026-02-10T00:00:00.000Z'));
      expect(months.map((m) => m.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
      expect(months[11].label).toBe('févr. 2026');
    });
  });

  describe('projects by commune', () => {
    it('breaks each commune down by step, the busiest first', () => {
      const p = (codeInsee: string, step: DashboardProjectDoc['step']): DashboardProjectDoc => ({ codeInsee, theme: 'ecole', createdAt: '', step, steps: [] });
      const rows = projectsByCommune([p('95002', 'idee'), p('95446', 'travaux'), p('95446', 'idee')], (c) => (c === '95002' ? 'Ableiges' : 'Nesles-la-Vallée'));
      expect(rows.map((r) => [r.label, r.total, r.byStep.idee, r.byStep.travaux])).toEqual([
        ['Nesles-la-Vallée', 2, 1, 1],
        ['Ableiges', 1, 1, 0],
      ]);
    });
  });
});
