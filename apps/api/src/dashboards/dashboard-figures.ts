import {
  QUESTION_AGE_BUCKETS,
  QUESTION_AGE_LABELS,
  STEP_LABELS,
  STEP_ORDER,
  THEME_LABELS,
  type CountRow,
  type MonthFigures,
  type ProjectStep,
  type ProjectTheme,
  type QuestionAgeBucket,
  type StepBreakdownRow,
  waitingSinceOf,
} from '@carnet/contracts';
import type { QuestionStatus } from '@carnet/domain';
import type { DashboardProjectDoc } from './projections/dashboard-project.projection.js';
import type { DashboardQuestionDoc } from './projections/dashboard-question.projection.js';

/*
 * The dashboards' figures, computed from the dashboard read models and the current time only:
 * pure functions, so that each rule (what « open » means, the age buckets, the median) is read
 * and tested here, away from HTTP and storage.
 */

const DAY_MS = 86_400_000;

/** A question is open while it waits for the Département: new or taken in charge, not answered nor closed. */
export const isOpen = (status: QuestionStatus): boolean => status === 'nouvelle' || status === 'prise_en_charge';

/** Days between two instants, to one decimal. */
export const daysBetween = (from: string, to: Date | string): number =>
  Math.round(((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS) * 10) / 10;

/** < 2 days, 2–5 days, 5–15 days, > 15 days (a bound belongs to the older bucket). */
export function ageBucket(days: number): QuestionAgeBucket {
  if (days < 2) return 'lt2';
  if (days < 5) return '2to5';
  if (days < 15) return '5to15';
  return 'gt15';
}

/** The median of a list (mean of the two middle values for an even count), to one decimal; null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}

/** The status a question had at an instant (null if not yet asked). */
export function statusAt(question: DashboardQuestionDoc, at: string): QuestionStatus | null {
  let status: QuestionStatus | null = null;
  for (const t of question.transitions) {
    if (t.at > at) break;
    status = t.status;
  }
  return status;
}

/** The step a project was at at an instant (null if not yet created). */
export function stepAt(project: DashboardProjectDoc, at: string): ProjectStep | null {
  let step: ProjectStep | null = null;
  for (const s of project.steps) {
    if (s.at > at) break;
    step = s.step;
  }
  return step;
}

const emptyByStep = (): Record<ProjectStep, number> => Object.fromEntries(STEP_ORDER.map((s) => [s, 0])) as Record<ProjectStep, number>;

export function projectsByStep(projects: DashboardProjectDoc[]): CountRow[] {
  const counts = emptyByStep();
  for (const p of projects) counts[p.step]++;
  return STEP_ORDER.map((step) => ({ key: step, label: STEP_LABELS[step], count: counts[step] }));
}

export function projectsByTheme(projects: DashboardProjectDoc[]): CountRow[] {
  const counts = new Map<ProjectTheme, number>();
  for (const p of projects) counts.set(p.theme, (counts.get(p.theme) ?? 0) + 1);
  return [...counts]
    .map(([theme, count]) => ({ key: theme, label: THEME_LABELS[theme] ?? theme, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
}

export function projectsByCommune(projects: DashboardProjectDoc[], nameOf: (codeInsee: string) => string): StepBreakdownRow[] {
  const rows = new Map<string, StepBreakdownRow>();
  for (const p of projects) {
    const row = rows.get(p.codeInsee) ?? { key: p.codeInsee, label: nameOf(p.codeInsee), byStep: emptyByStep(), total: 0 };
    row.byStep[p.step]++;
    row.total++;
    rows.set(p.codeInsee, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'fr'));
}

/** When an open question started waiting: asked, or last reopened (the one definition of libs/contracts/waiting.ts). */
export const waitingSince = (q: DashboardQuestionDoc): string => waitingSinceOf(q.transitions) ?? q.askedAt;

export function openQuestionsByAge(questions: DashboardQuestionDoc[], now: Date): CountRow[] {
  const counts: Record<QuestionAgeBucket, number> = { lt2: 0, '2to5': 0, '5to15': 0, gt15: 0 };
  for (const q of questions) if (isOpen(q.status)) counts[ageBucket(daysBetween(waitingSince(q), now))]++;
  return QUESTION_AGE_BUCKETS.map((b) => ({ key: b, label: QUESTION_AGE_LABELS[b], count: counts[b] }));
}

export const medianFirstAnswerDays = (questions: DashboardQuestionDoc[]): number | null =>
  median(questions.filter((q) => q.firstAnsweredAt).map((q) => daysBetween(q.askedAt, q.firstAnsweredAt!)));

const MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The last `count` months up to the one of `now` (UTC), oldest first, each with its figures at its end. */
export function monthlyFigures(projects: DashboardProjectDoc[], questions: DashboardQuestionDoc[], now: Date, count = 12): MonthFigures[] {
  const months: MonthFigures[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const from = start.toISOString();
    // The figures of the current month are the ones of now.
    const end = i === 0 ? now.toISOString() : new Date(next.getTime() - 1).toISOString();
    const inMonth = (at: string | null) => !!at && at >= from && at <= end;
    const byStep = emptyByStep();
    for (const p of projects) {
      const step = stepAt(p, end);
      if (step) byStep[step]++;
    }
    const answered = questions.filter((q) => inMonth(q.firstAnsweredAt));
    months.push({
      month: from.slice(0, 7),
      label: MONTH_LABEL.format(start),
      projectsByStep: byStep,
      projectsCreated: projects.filter((p) => inMonth(p.createdAt)).length,
      questionsAsked: questions.filter((q) => inMonth(q.askedAt)).length,
      questionsAnswered: answered.length,
      openQuestions: questions.filter((q) => {
        const status = statusAt(q, end);
        return status !== null && isOpen(status);
      }).length,
      medianFirstAnswerDays: median(answered.map((q) => daysBetween(q.askedAt, q.firstAnsweredAt!))),
    });
  }
  return months;
}
