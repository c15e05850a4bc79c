import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { PLAN_HANDLERS } from './commands/change-financing-plan/change-financing-plan.handler.js';
import { ChangeFinancingPlanHttpController } from './commands/change-financing-plan/change-financing-plan.http.controller.js';
import { PublishRuleSetHandler } from './commands/publish-rule-set/publish-rule-set.handler.js';
import { PublishRuleSetHttpController } from './commands/publish-rule-set/publish-rule-set.http.controller.js';
import { StartingRuleSetSeeder } from './commands/publish-rule-set/starting-rule-set.seeder.js';
import { SaveSimulationHandler } from './commands/save-simulation/save-simulation.handler.js';
import { SaveSimulationHttpController } from './commands/save-simulation/save-simulation.http.controller.js';
import { GetFinancingPlanHandler } from './queries/get-financing-plan/get-financing-plan.handler.js';
import { GetFinancingPlanHttpController } from './queries/get-financing-plan/get-financing-plan.http.controller.js';
import { ListRuleSetsHttpController } from './queries/list-rule-sets/list-rule-sets.http.controller.js';
import { ReplaySimulationHttpController } from './queries/replay-simulation/replay-simulation.http.controller.js';
import { FondsVertGrants } from './queries/similar-grants/fonds-vert-grants.js';
import { SimilarGrantsHttpController } from './queries/similar-grants/similar-grants.http.controller.js';
import { FinancingDashboardHttpController } from './queries/financing-dashboard/financing-dashboard.http.controller.js';
import { FinancingTotalsHandler } from './queries/financing-totals/financing-totals.handler.js';
import { SimulateHandler } from './queries/simulate/simulate.handler.js';
import { SimulateHttpController } from './queries/simulate/simulate.http.controller.js';

/** Financing plans, rule sets and the subsidy simulator (issue #12, ADR 0019). */
@Module({
  imports: [ProjectsModule, CommunesModule],
  controllers: [
    GetFinancingPlanHttpController,
    ReplaySimulationHttpController,
    ChangeFinancingPlanHttpController,
    SaveSimulationHttpController,
    SimulateHttpController,
    SimilarGrantsHttpController,
    ListRuleSetsHttpController,
    PublishRuleSetHttpController,
    FinancingDashboardHttpController,
  ],
  providers: [...PLAN_HANDLERS, SaveSimulationHandler, PublishRuleSetHandler, StartingRuleSetSeeder, GetFinancingPlanHandler, SimulateHandler, FinancingTotalsHandler, FondsVertGrants],
})
export class FinancingModule {}
