import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DepartementDashboard } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ReadModels } from '../../../shared/read-models.js';
import {
  isOpen,
  medianFirstAnswerDays,
  monthlyFigures,
  openQuestionsByAge,
  projectsByCommune,
  projectsByStep,
  projectsByTheme,
} from '../../dashboard-figures.js';
import type { DashboardProjectDoc } from '../../projections/dashboard-project.projection.js';
import type { DashboardQuestionDoc } from '../../projections/dashboard-question.projection.js';
import { GetDepartementDashboardQuery } from './get-departement-dashboard.query.js';

@QueryHandler(GetDepartementDashboardQuery)
export class GetDepartementDashboardHandler implements IQueryHandler<GetDepartementDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ departement, minPosition }: GetDepartementDashboardQuery): Promise<DepartementDashboard> {
    const set = await this.readModels.current(minPosition);
    const now = this.clock.now();
    // A département has a few thousand projects and questions at most: one read of each, counted here.
    // Only its communes' (by the codeInsee and projectId indexes): the log may hold the whole country.
    const projects = await set.find<DashboardProjectDoc>('dashboard_projects', { where: { codeInsee: this.communes.codesOf(departement) } });
    const questions = await set.find<DashboardQuestionDoc>('dashboard_questions', { where: { projectId: projects.map((p) => p.id) } });
    const byCommune = projectsByCommune(projects, (code) => this.communes.nameOf(code));
    return {
      generatedAt: now.toISOString(),
      projectCount: projects.length,
      communeCount: byCommune.length,
      openQuestionCount: questions.filter((q) => isOpen(q.status)).length,
      projectsByStep: projectsByStep(projects),
      projectsByTheme: projectsByTheme(projects),
      projectsByCommune: byCommune,
      openQuestionsByAge: openQuestionsByAge(questions, now),
      medianFirstAnswerDays: medianFirstAnswerDays(questions),
      monthly: monthlyFigures(projects, questions, now),
    };
  }
}
