import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { CommandAccepted } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { deterministicUuid } from '../../../shared/deterministic-id.js';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { CreateProjectCommand } from './create-project.command.js';
import { DomainError, departementOfCommune } from '@carnet/domain';

@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand> {
  constructor(
    private readonly runner: ProjectCommandRunner,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ actor, options, payload }: CreateProjectCommand): Promise<CommandAccepted> {
    // Staff create projects for their own Département's communes only (issue #17): another's is not one of theirs.
    const otherDepartement = !!actor.departement && departementOfCommune(payload.codeInsee) !== actor.departement;
    if (!this.communes.get(payload.codeInsee) || otherDepartement) {
      throw new DomainError('unknown_commune', `La commune ${payload.codeInsee} n’est pas une commune du département.`, 'invalid', 'codeInsee');
    }
    const commandId = this.runner.commandId(actor, options);
    // A retried creation (same Idempotency-Key) must land on the same project.
    const projectId = options.idempotencyKey ? deterministicUuid(`project:${commandId}`) : randomUUID();
    return this.runner.run(projectId, { type: 'CreateProject', projectId, ...payload }, actor, { ...options, expectedVersion: undefined }, commandId);
  }
}
