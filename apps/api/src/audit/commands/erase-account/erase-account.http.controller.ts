import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { departementOfAccountNow } from '../../../shared/actor-of.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { CommuneSeatCommands } from '../../../communes/commune-seat.commands.js';
import { SeatDirectory } from '../../../communes/seat-directory.js';

/** Shown instead of the name everywhere once erased (PeopleDirectory also says it from the status). */
export const ERASED_NAME = 'Personne effacée';
export const ERASED_CONTACT_NAME = 'Contact effacé';

/**
 * GDPR erasure (ADR 0007): the person's personal data is blanked in the account store; the event
 * log, which only holds ids and roles, is untouched, so the hash chain still verifies and the
 * history keeps « Personne effacée » where the name was. Invitations sent to the person are blanked
 * too, and so is a contact of the directory linked to the account; a seat they still held is released (a SeatReleased event, which names nobody).
 */
@ApiTags('Administration')
@Controller('admin/accounts')
export class EraseAccountHttpController {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly seats: SeatDirectory,
    private readonly seatCommands: CommuneSeatCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/erase')
  @HttpCode(204)
  @ApiOperation({ summary: 'Effacer les données personnelles d’une personne (RGPD) : nom, e-mail, mot de passe, sessions ; le journal reste intact' })
  @ApiNoContentResponse()
  @ProblemResponses(401, 403, 404, 409)
  async erase(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    if (actor.role !== 'departement_admin') {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul un administrateur du Département efface les données d’une personne.');
    }
    if (id === actor.id) throw new ProblemException(409, 'self_erase', 'Vous ne pouvez pas effacer votre propre compte.');
    const account = await this.store.getAccount(id);
    if (!account || account.status === 'erased' || account.kind === 'national_admin' || (await departementOfAccountNow(account, this.seats, this.config.departement)) !== actor.departement) {
      throw new ProblemException(404, 'account_not_found', 'Ce compte n’existe pas ou a déjà été effacé.');
    }
    // An erased person no longer sits in a commune's space: the seat is released, as an event.
    const seat = await this.seats.seatOf(id);
    if (seat) await this.seatCommands.release(seat.communeInsee, id, 'Effacement des données personnelles', actor);
    const now = this.clock.now().toISOString();
    // A unique, non-personal placeholder: the e-mail column stays unique and nothing can be mailed to it.
    const placeholder = { email: `efface-${randomUUID()}@efface.invalid`, displayName: ERASED_NAME };
    await this.store.eraseInvitationsTo(account.email, placeholder, now);
    // A contact of the directory linked to this account is personal data too (issue #4).
    await this.store.eraseContactsOf(id, { name: ERASED_CONTACT_NAME }, now);
    await this.store.forgetNotificationDataOf(id);
    await this.store.updateAccount(id, {
      displayName: ERASED_NAME,
      email: placeholder.email,
      passwordHash: null,
      status: 'erased',
      updatedAt: now,
    });
    await this.store.deleteSessionsOf(id);
  }
}
