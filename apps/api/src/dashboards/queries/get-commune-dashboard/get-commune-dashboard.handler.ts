import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { waitingDays, type CommuneDashboard } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { ReadModels } from '../../../shared/read-models.js';
import { isOpen, openQuestionsByAge, projectsByStep, waitingSince } from '../../dashboard-figures.js';
import type { DashboardProjectDoc } from '../../projections/dashboard-project.projection.js';
import type { DashboardQuestionDoc } from '../../projections/dashboard-question.projection.js';
import { GetCommuneDashboardQuery } from './get-commune-dashboard.query.js';

@QueryHandler(GetCommuneDashboardQuery)
export class GetCommuneDashboardHandler implements IQueryHandler<GetCommuneDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ codeInsee, minPosition }: GetCommuneDashboardQuery): Promise<CommuneDashboard> {
    const set = await this.readModels.current(minPosition);
    const now = this.clock.now();
    const projects = await set.find<DashboardProjectDoc>('dashboard_projects', { where: { codeInsee } });
    const questions = (
      await Promise.all(projects.map((p) => set.find<DashboardQuestionDoc>('dashboard_questions', { where: { projectId: p.id } })))
    ).flat();
    const open = questions.filter((q) => isOpen(q.status)).sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
    const titles = await set.getMany<ProjectDoc>('projects', [...new Set(open.map((q) => q.projectId))]);
    return {
      codeInsee,
      communeName: this.communes.nameOf(codeInsee),
      generatedAt: now.toISOString(),
      projectCount: projects.length,
      projectsByStep: projectsByStep(projects),
      openQuestions: {
        total: open.length,
        byAge: openQuestionsByAge(open, now),
        items: open.map((q) => ({
          projectId: q.projectId,
          projectTitle: titles.get(q.projectId)?.title ?? '',
          questionId: q.id,
          text: q.text,
          askedAt: q.askedAt,
          waitingSince: waitingSince(q),
          ageDays: waitingDays(waitingSince(q), now),
          status: q.status as 'nouvelle' | 'prise_en_charge',
        })),
      },
    };
  }
}
