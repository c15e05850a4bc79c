import { Injectable } from '@nestjs/common';
import type { Seat } from '@carnet/domain';
import { ReadModels } from '../shared/read-models.js';
import type { CommuneSeatsDoc } from './projections/commune-seats.projection.js';
import type { MembershipDoc } from './projections/membership.projection.js';

/** Who holds which seat now, from the seat read models. */
@Injectable()
export class SeatDirectory {
  constructor(private readonly readModels: ReadModels) {}

  /** The seat a person holds now, or null (never seated, released, replaced). */
  async seatOf(userId: string): Promise<{ communeInsee: string; seat: Seat } | null> {
    const doc = await (await this.readModels.current()).get<MembershipDoc>('memberships', userId);
    return doc?.seat ? { communeInsee: doc.communeInsee, seat: doc.seat } : null;
  }

  /** The holders of a commune's seats, with the date they took them. */
  async seatsOf(codeInsee: string): Promise<{ mayor: string | null; collaborators: string[] }> {
    const doc = await this.seatDoc(codeInsee);
    return { mayor: doc.mayor?.userId ?? null, collaborators: doc.collaborators.map((c) => c.userId) };
  }

  async seatDoc(codeInsee: string): Promise<CommuneSeatsDoc> {
    const doc = await (await this.readModels.current()).get<CommuneSeatsDoc>('commune_seats', codeInsee);
    return doc ?? { codeInsee, mayor: null, collaborators: [] };
  }

  /** Every commune's seats, for the administration screen. */
  async allSeatDocs(): Promise<Map<string, CommuneSeatsDoc>> {
    const docs = await (await this.readModels.current()).find<CommuneSeatsDoc>('commune_seats');
    return new Map(docs.map((d) => [d.codeInsee, d]));
  }
}
