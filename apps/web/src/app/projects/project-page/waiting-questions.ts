import type { ProjectDetail } from '@carnet/contracts';

/**
 * Questions still waiting for the Département's answer (nouvelle, prise en charge): what the summary's
 * « Questions en attente » and the « Questions » tab both count.
 */
export const waitingQuestions = (detail: ProjectDetail): number =>
  detail.questions.filter((q) => q.status === 'nouvelle' || q.status === 'prise_en_charge').length;
