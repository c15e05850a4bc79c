import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../../projects/project-command.runner.js';
import type { ProjectCommandMessage } from '../../../projects/project-command.message.js';
import {
  ChooseOwnShareRuleCommand,
  GrantFundingCommand,
  PayFundingCommand,
  RefuseFundingCommand,
  RequestFundingCommand,
  RequestFundingFromSimulationCommand,
  ReviseFundingCommand,
  SetFinancingCostCommand,
} from './change-financing-plan.command.js';

/** Every edit of a plan takes the project's command path: read the stream, decide, append (ADR 0002). */
@Injectable()
abstract class PlanHandler implements ICommandHandler<ProjectCommandMessage> {
  constructor(private readonly runner: ProjectCommandRunner) {}
  execute({ projectId, command, actor, options }: ProjectCommandMessage): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}

@CommandHandler(SetFinancingCostCommand) export class SetFinancingCostHandler extends PlanHandler {}
@CommandHandler(RequestFundingCommand) export class RequestFundingHandler extends PlanHandler {}
@CommandHandler(GrantFundingCommand) export class GrantFundingHandler extends PlanHandler {}
@CommandHandler(PayFundingCommand) export class PayFundingHandler extends PlanHandler {}
@CommandHandler(RefuseFundingCommand) export class RefuseFundingHandler extends PlanHandler {}
@CommandHandler(ReviseFundingCommand) export class ReviseFundingHandler extends PlanHandler {}
@CommandHandler(ChooseOwnShareRuleCommand) export class ChooseOwnShareRuleHandler extends PlanHandler {}
@CommandHandler(RequestFundingFromSimulationCommand) export class RequestFundingFromSimulationHandler extends PlanHandler {}

export const PLAN_HANDLERS = [
  SetFinancingCostHandler,
  RequestFundingHandler,
  GrantFundingHandler,
  PayFundingHandler,
  RefuseFundingHandler,
  ReviseFundingHandler,
  ChooseOwnShareRuleHandler,
  RequestFundingFromSimulationHandler,
];
