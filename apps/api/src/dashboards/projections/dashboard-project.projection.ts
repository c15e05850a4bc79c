import type { RecordedEvent } from '@carnet/event-store';
import {
  PROJECT_STREAM_PREFIX,
  type ProjectCreatedData,
  type ProjectDetailsChangedData,
  type ProjectStep,
  type ProjectTheme,
  type StepAdvancedData,
} from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** A project as the dashboards count it: where it is, and when it reached each step (for the months). */
export interface DashboardProjectDoc {
  codeInsee: string;
  theme: ProjectTheme;
  createdAt: string;
  step: ProjectStep;
  steps: Array<{ at: string; step: ProjectStep }>;
}

export function evolveDashboardProject(doc: DashboardProjectDoc | null, e: RecordedEvent): DashboardProjectDoc | null {
  const at = e.metadata.recordedAt;
  if (e.type === 'ProjectCreated') {
    const d = e.data as ProjectCreatedData;
    return { codeInsee: d.codeInsee, theme: d.theme, createdAt: at, step: 'idee', steps: [{ at, step: 'idee' }] };
  }
  if (!doc) return null;
  switch (e.type) {
    case 'ProjectDetailsChanged': {
      const theme = (e.data as ProjectDetailsChangedData).theme;
      return theme ? { ...doc, theme } : doc;
    }
    case 'StepAdvanced':
    case 'StepReverted': {
      const to = (e.data as StepAdvancedData).to;
      return { ...doc, step: to, steps: [...doc.steps, { at, step: to }] };
    }
    default:
      return doc;
  }
}

export const dashboardProjectProjection: Projection<DashboardProjectDoc> = {
  collection: 'dashboard_projects',
  indexedFields: ['codeInsee'],
  keyOf: (e) =>
    e.streamId.startsWith(PROJECT_STREAM_PREFIX) && ['ProjectCreated', 'ProjectDetailsChanged', 'StepAdvanced', 'StepReverted'].includes(e.type)
      ? e.streamId.slice(PROJECT_STREAM_PREFIX.length)
      : null,
  evolve: evolveDashboardProject,
};
