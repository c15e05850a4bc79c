import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { FinancingPlanView } from '@carnet/contracts';
import { canEditFinancing, departementOfCommune, checkPlan, isDepartementRole, planRates, ruleSetInForce } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import { canSeeProject, projectNotFound } from '../../../projects/project-access.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { peopleOfPlan, ruleSetVersions, toLineView, toSimulationView } from '../../financing-views.js';
import type { ProjectFinancingDoc } from '../../projections/project-financing.projection.js';
import { GetFinancingPlanQuery } from './get-financing-plan.query.js';

@QueryHandler(GetFinancingPlanQuery)
export class GetFinancingPlanHandler implements IQueryHandler<GetFinancingPlanQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, actor, minPosition }: GetFinancingPlanQuery): Promise<FinancingPlanView> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    const plan = (await set.get<ProjectFinancingDoc>('project_financing', projectId)) ?? {
      projectId, codeInsee: project.codeInsee, costHtCents: null, costTtcCents: null, costItems: [], ownShareRule: 'standard' as const, ownShareReason: null, lines: [], simulations: [],
    };
    // The checks use the rules in force today; saved estimates keep the version they were made with.
    const ruleSet = ruleSetInForce(await ruleSetVersions(set, departementOfCommune(project.codeInsee)), this.clock.now().toISOString().slice(0, 10));
    const rates = ruleSet ? planRates(ruleSet) : { ownShare: { standard: 0.2, derogation_ecole: 0.1, chef_de_file: 0.3 }, fctvaRate: 0.16404 };
    const view = await this.people.viewer(peopleOfPlan(plan.lines, plan.simulations));
    return {
      projectId,
      codeInsee: project.codeInsee,
      version: project.version,
      costItems: plan.costItems,
      ownShareReason: plan.ownShareReason,
      lines: plan.lines.map((l) => toLineView(l, view)),
      checks: checkPlan({ costHtCents: plan.costHtCents, costTtcCents: plan.costTtcCents, ownShareRule: plan.ownShareRule, lines: plan.lines }, rates),
      ruleSet: ruleSet ? { id: ruleSet.ruleSetId, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, title: ruleSet.title } : null,
      simulations: [...plan.simulations].reverse().map((s) => toSimulationView(s, view)),
      canEdit: actor.role !== 'auditor' && canEditFinancing(actor, project.codeInsee),
      canChooseRule: isDepartementRole(actor.role),
    };
  }
}
