import type {
  ChooseOwnShareRule,
  GrantFunding,
  PayFunding,
  RefuseFunding,
  RequestFunding,
  RequestFundingFromSimulation,
  ReviseFunding,
  SetFinancingCost,
} from '@carnet/domain';
import { ProjectCommandMessage } from '../../../projects/project-command.message.js';

/*
 * The edits of a financing plan: each is a project command decided by the project's decider
 * (rules in libs/domain/src/financing/project-financing.ts).
 */
export class SetFinancingCostCommand extends ProjectCommandMessage<SetFinancingCost> {}
export class RequestFundingCommand extends ProjectCommandMessage<RequestFunding> {}
export class GrantFundingCommand extends ProjectCommandMessage<GrantFunding> {}
export class PayFundingCommand extends ProjectCommandMessage<PayFunding> {}
export class RefuseFundingCommand extends ProjectCommandMessage<RefuseFunding> {}
export class ReviseFundingCommand extends ProjectCommandMessage<ReviseFunding> {}
export class ChooseOwnShareRuleCommand extends ProjectCommandMessage<ChooseOwnShareRule> {}
export class RequestFundingFromSimulationCommand extends ProjectCommandMessage<RequestFundingFromSimulation> {}
