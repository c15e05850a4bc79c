import type { Type } from '@angular/core';
import type { Routes } from '@angular/router';
import type { Me, ProjectDetail } from '@carnet/contracts';
import { canReadConversation, canReadNotes } from '../../core/roles';
import { waitingQuestions } from './waiting-questions';

/** What a section may look at to decide whether to show its tab and what count to show next to it. */
export interface ProjectSectionContext {
  me: Me | null;
  detail: ProjectDetail;
}

/**
 * One section of the project page: a tab under the summary and a child route `/projets/:id/<path>`, so that
 * a link (in an e-mail, a notification, a search result) opens it. The component is standalone and injects
 * `ProjectStore` (the project shown, its history, `run()` for commands).
 */
export interface ProjectSection {
  /** The URL segment after `/projets/:id/` ('' for the overview); the API's links use the same (`@carnet/contracts` `projectPath`). */
  path: string;
  /** The tab's text. */
  label: string;
  load: () => Promise<Type<unknown>>;
  /** Whether the tab shows for this person (default: for everyone who sees the project). */
  visible?: (ctx: ProjectSectionContext) => boolean;
  /** A number shown next to the label (e.g. the questions waiting for an answer), or null for none. */
  count?: (ctx: ProjectSectionContext) => number | null;
  /**
   * What the number counts, said to screen readers after it: « en attente » makes the tab « Questions 2 en attente »
   * (shown « Questions 2 »). Without it, the number alone: « Documents 3 ».
   */
  countLabel?: string;
}

/**
 * The sections, in the order of the tabs. Adding one is adding an entry here (and its slug to
 * `PROJECT_SECTION_SLUGS` in `libs/contracts/src/project-sections.ts` when the API links to it):
 *
 * ```ts
 * { path: 'financement', label: 'Financement', load: () => import('./sections/financing-section').then((m) => m.FinancingSection) },
 * ```
 */
export const PROJECT_SECTIONS: ProjectSection[] = [
  { path: '', label: 'Présentation', load: () => import('./sections/overview-section').then((m) => m.OverviewSection) },
  {
    path: 'questions',
    label: 'Questions',
    load: () => import('./sections/questions-section').then((m) => m.QuestionsSection),
    // The questions waiting for the Département's answer, as the summary's « Questions en attente » counts them
    // (not the closed nor the answered ones); no number when none waits.
    count: ({ detail }) => waitingQuestions(detail) || null,
    countLabel: 'en attente',
  },
  {
    path: 'echanges',
    label: 'Échanges',
    load: () => import('./sections/exchanges-section').then((m) => m.ExchangesSection),
    visible: ({ me, detail }) => canReadConversation(me, detail.codeInsee) || canReadNotes(me),
  },
  {
    path: 'documents',
    label: 'Documents',
    load: () => import('./sections/documents-section').then((m) => m.DocumentsSection),
    count: ({ detail }) => detail.documents.length,
  },
  { path: 'financement', label: 'Financement', load: () => import('./sections/financing-section').then((m) => m.FinancingSection) },
  { path: 'carte', label: 'Carte', load: () => import('./sections/map-section').then((m) => m.MapSection) },
  { path: 'publication', label: 'Publication', load: () => import('./sections/publication-section').then((m) => m.PublicationSection) },
  { path: 'historique', label: 'Historique', load: () => import('./sections/history-section').then((m) => m.HistorySection) },
];

/** The child routes of `/projets/:id`, one per section. */
export const PROJECT_SECTION_ROUTES: Routes = PROJECT_SECTIONS.map((section) => ({
  path: section.path,
  pathMatch: 'full' as const,
  data: { section: section.path },
  loadComponent: section.load,
}));
