import type { Projection } from '@carnet/read-store';
import { communeSeatsProjection } from '../communes/projections/commune-seats.projection.js';
import { membershipProjection } from '../communes/projections/membership.projection.js';
import { notificationFeedProjection } from '../notifications/projections/notification-feed.projection.js';
import { organisationProjection } from '../communes/projections/organisation.projection.js';
import { communeStatsProjection } from '../projects/projections/commune-stats.projection.js';
import { projectPartnerProjection } from '../projects/projections/project-partner.projection.js';
import { projectProjection } from '../projects/projections/project.projection.js';
import { dashboardProjectProjection } from '../dashboards/projections/dashboard-project.projection.js';
import { dashboardQuestionProjection } from '../dashboards/projections/dashboard-question.projection.js';
import { searchEntryProjection } from '../search/projections/search-entry.projection.js';
import { internalNoteProjection } from '../projects/projections/internal-note.projection.js';
import { projectConversationProjection } from '../projects/projections/project-conversation.projection.js';
import { questionQueueProjection } from '../projects/projections/question-queue.projection.js';
import { publicChangeProjection } from '../public/projections/public-change.projection.js';
import { publicProjectProjection } from '../public/projections/public-project.projection.js';
import { projectPlaceProjection } from '../map/projections/project-place.projection.js';
import { faqEntryProjection } from '../faq/projections/faq-entry.projection.js';
import { faqSourceProjection } from '../faq/projections/faq-source.projection.js';
import { faqUsageProjection } from '../faq/projections/faq-usage.projection.js';
import { projectFinancingProjection } from '../financing/projections/project-financing.projection.js';
import { financingRuleSetProjection } from '../financing/projections/financing-rule-set.projection.js';

/** Every projection the runner keeps up to date, in the order they are applied. */
export const ALL_PROJECTIONS: Projection<any>[] = [
  projectProjection,
  communeStatsProjection,
  projectPartnerProjection,
  membershipProjection,
  communeSeatsProjection,
  organisationProjection,
  notificationFeedProjection,
  searchEntryProjection,
  dashboardProjectProjection,
  dashboardQuestionProjection,
  projectConversationProjection,
  internalNoteProjection,
  questionQueueProjection,
  publicProjectProjection,
  publicChangeProjection,
  projectPlaceProjection,
  faqEntryProjection,
  faqSourceProjection,
  faqUsageProjection,
  projectFinancingProjection,
  financingRuleSetProjection,
];
