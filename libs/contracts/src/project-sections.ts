/**
 * The sections of a project's page in the web app (`/projets/:id/<section>`), shared by the API (links in
 * notifications and e-mails, search results) and the web app (its tabs and child routes). The overview is
 * the page itself (slug ''). A new section adds its slug here and its entry in the web app's
 * `PROJECT_SECTIONS` (apps/web/src/app/projects/project-page/project-sections.ts).
 */
export const PROJECT_SECTION_SLUGS = ['', 'questions', 'echanges', 'documents', 'financement', 'carte', 'publication', 'historique'] as const;
export type ProjectSectionSlug = (typeof PROJECT_SECTION_SLUGS)[number];

/** The web app's path of a project's section, with an optional fragment (e.g. `question-<id>`). */
export function projectPath(projectId: string, section: ProjectSectionSlug = '', fragment?: string | null): string {
  return `/projets/${projectId}${section ? `/${section}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** The section where what an event of type `type` changed is read (the overview for steps and details). */
export function sectionOfEvent(type: string, questionId?: string | null): ProjectSectionSlug {
  if (questionId || type.startsWith('Question')) return 'questions';
  if (type === 'MessagePosted' || type === 'InternalNoteAdded') return 'echanges';
  if (type.startsWith('Document')) return 'documents';
  if (type === 'ProjectLocated') return 'carte';
  if (/^(Financing|Funding|OwnShareRule|SimulationRun)/.test(type)) return 'financement';
  if (type.startsWith('Publication') || type === 'ProjectPublished') return 'publication';
  return '';
}

/** The link to what an event changed: its section, and the question when there is one. */
export function projectEventPath(projectId: string, type: string, questionId?: string | null): string {
  const section = sectionOfEvent(type, questionId);
  return projectPath(projectId, section, questionId ? `question-${questionId}` : null);
}
