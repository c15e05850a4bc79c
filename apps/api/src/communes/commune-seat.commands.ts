import { Injectable } from '@nestjs/common';
import type { CommandAccepted } from '@carnet/contracts';
import { communeDecider, communeStreamId, organisationDecider, organisationStreamId, type Actor, type CommuneCommand, type OrganisationKind, type Seat } from '@carnet/domain';
import type { CommandOptions } from '../shared/command-options.js';
import { DeciderRunner } from '../shared/decider-runner.js';
import { assertCommuneOfDepartement } from './commune-access.js';
import { ReadModels } from '../shared/read-models.js';

/**
 * Seat and organisation commands. Each waits until the read models reflect it before answering:
 * access is resolved from those read models, so a person who just lost a seat is refused on their
 * very next request.
 */
@Injectable()
export class CommuneSeatCommands {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly readModels: ReadModels,
  ) {}

  private async seatCommand(command: CommuneCommand, actor: Actor, options: CommandOptions = {}): Promise<CommandAccepted> {
    assertCommuneOfDepartement(actor, command.communeInsee);
    const result = await this.runner.run(communeDecider, {
      id: command.communeInsee,
      streamId: communeStreamId(command.communeInsee),
      command,
      actor,
      options,
      subject: { title: 'Les places de la commune ont changé entre-temps', name: 'l’espace de la commune' },
    });
    await this.readModels.current(result.position);
    return result;
  }

  /** A person takes a seat (invitation accepted); the former mayor loses the mayor seat to a new one. */
  assign(codeInsee: string, userId: string, seat: Seat, invitationId: string | null, actor: Actor, options?: CommandOptions): Promise<CommandAccepted> {
    return this.seatCommand({ type: 'AssignSeat', communeInsee: codeInsee, userId, seat, invitationId }, actor, options);
  }

  release(codeInsee: string, userId: string, reason: string | null, actor: Actor, options?: CommandOptions): Promise<CommandAccepted> {
    return this.seatCommand({ type: 'ReleaseSeat', communeInsee: codeInsee, userId, reason }, actor, options);
  }

  transferMayor(codeInsee: string, toUserId: string, actor: Actor, options?: CommandOptions): Promise<CommandAccepted> {
    return this.seatCommand({ type: 'TransferMayorSeat', communeInsee: codeInsee, toUserId }, actor, options);
  }

  async createOrganisation(organisationId: string, name: string, kind: OrganisationKind, actor: Actor, options: CommandOptions = {}): Promise<CommandAccepted> {
    const result = await this.runner.run(organisationDecider, {
      id: organisationId,
      streamId: organisationStreamId(organisationId),
      command: { type: 'CreateOrganisation', organisationId, name, kind },
      actor,
      options,
      subject: { title: 'Cette organisation a été modifiée entre-temps', name: 'l’organisation' },
    });
    await this.readModels.current(result.position);
    return result;
  }
}
