import type { ProjectStep } from './index.js';

/** One bar of a chart: a category, its French label and its count. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** The age buckets of open questions, in order. */
export type QuestionAgeBucket = 'lt2' | '2to5' | '5to15' | 'gt15';
export const QUESTION_AGE_BUCKETS: QuestionAgeBucket[] = ['lt2', '2to5', '5to15', 'gt15'];
export const QUESTION_AGE_LABELS: Record<QuestionAgeBucket, string> = {
  lt2: 'moins de 2 jours',
  '2to5': '2 à 5 jours',
  '5to15': '5 à 15 jours',
  gt15: 'plus de 15 jours',
};

export interface OpenQuestionRow {
  projectId: string;
  projectTitle: string;
  questionId: string;
  text: string;
  askedAt: string;
  /** When it started waiting: asked or last reopened (see waiting.ts). */
  waitingSince: string;
  /** Whole days it has waited since `waitingSince`. */
  ageDays: number;
  status: 'nouvelle' | 'prise_en_charge';
}

/** `GET /api/dashboards/commune/:codeInsee`. */
export interface CommuneDashboard {
  codeInsee: string;
  communeName: string;
  generatedAt: string;
  projectCount: number;
  projectsByStep: CountRow[];
  openQuestions: { total: number; byAge: CountRow[]; items: OpenQuestionRow[] };
}

/** One row of a stacked bar: a category and its count per step. */
export interface StepBreakdownRow {
  key: string;
  label: string;
  byStep: Record<ProjectStep, number>;
  total: number;
}

/** One month of the Département's figures (`month` as `YYYY-MM`, `label` as « nov. 2026 »). */
export interface MonthFigures {
  month: string;
  label: string;
  /** Projects at each step at the end of the month (or now, for the current month). */
  projectsByStep: Record<ProjectStep, number>;
  projectsCreated: number;
  questionsAsked: number;
  /** Questions answered for the first time during the month. */
  questionsAnswered: number;
  /** Questions still waiting for the Département at the end of the month. */
  openQuestions: number;
  /** Median days to the first answer, over the questions first answered during the month. */
  medianFirstAnswerDays: number | null;
}

/** `GET /api/dashboards/departement`. */
export interface DepartementDashboard {
  generatedAt: string;
  projectCount: number;
  communeCount: number;
  openQuestionCount: number;
  projectsByStep: CountRow[];
  projectsByTheme: CountRow[];
  projectsByCommune: StepBreakdownRow[];
  openQuestionsByAge: CountRow[];
  /** Median days between a question and its first answer, over every answered question; null when none. */
  medianFirstAnswerDays: number | null;
  /** The last 12 months, oldest first. */
  monthly: MonthFigures[];
}
