import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountStore } from '@carnet/account-store';
import type { CommandAccepted } from '@carnet/contracts';
import { DomainError, type QuestionAssignee } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { departementOfAccount } from '../../../shared/actor-of.js';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { AssignQuestionCommand } from './assign-question.command.js';

/**
 * Looks the assignee up in the account store (an agent, or a partner member and their organisation):
 * the kind and organisation in the event are facts of the account, never what the request claims.
 * Whether that organisation is involved in the project is the decider's rule.
 */
@CommandHandler(AssignQuestionCommand)
export class AssignQuestionHandler implements ICommandHandler<AssignQuestionCommand> {
  constructor(
    private readonly runner: ProjectCommandRunner,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ projectId, command, actor, options }: AssignQuestionCommand): Promise<CommandAccepted> {
    await this.runner.assertVisible(projectId, actor);
    const account = await this.accounts.getAccount(command.assignee.accountId);
    let assignee: QuestionAssignee | null = null;
    // Someone of the assigner's Département: another Département's agents and partners never see this file (issue #17).
    const sameDepartement = !!account && (!actor.departement || departementOfAccount(account, this.config.departement) === actor.departement);
    if (account && account.status === 'active' && sameDepartement) {
      if (account.kind === 'departement_agent' || account.kind === 'departement_admin') assignee = { accountId: account.id, kind: 'agent', organisationId: null };
      if (account.kind === 'partner_member' && account.organisationId) assignee = { accountId: account.id, kind: 'partner', organisationId: account.organisationId };
    }
    if (!assignee) {
      throw new DomainError('unknown_assignee', 'Une question s’attribue à un agent du Département ou au membre d’un partenaire associé au projet.', 'invalid', 'assigneeId');
    }
    return this.runner.run(projectId, { ...command, assignee }, actor, options);
  }
}
