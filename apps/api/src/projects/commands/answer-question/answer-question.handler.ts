import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { DomainError } from '@carnet/domain';
import { ContactDirectory } from '../../../directory/contact-directory.js';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { AnswerQuestionCommand } from './answer-question.command.js';

@CommandHandler(AnswerQuestionCommand)
export class AnswerQuestionHandler implements ICommandHandler<AnswerQuestionCommand> {
  constructor(
    private readonly runner: ProjectCommandRunner,
    private readonly contacts: ContactDirectory,
  ) {}

  async execute({ projectId, command, actor, options }: AnswerQuestionCommand): Promise<CommandAccepted> {
    // The directory is outside the log: whether the contact exists is checked here, the decider only keeps its id.
    if (command.contactId) await this.runner.assertVisible(projectId, actor);
    if (command.contactId && !(await this.contacts.activeCard(command.contactId, this.contacts.departementOf(actor)))) {
      throw new DomainError('unknown_contact', 'Ce contact ne figure pas (ou plus) dans l’annuaire.', 'invalid', 'contactId');
    }
    return this.runner.run(projectId, command, actor, options);
  }
}
