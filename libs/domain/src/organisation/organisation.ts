import { DomainError, type DecisionContext, type Decider, type DomainEvent } from '../shared/decider.js';

/** Kinds of partner organisations that advise or fund communes. */
export const ORGANISATION_KINDS = ['caue', 'energie', 'etat', 'region', 'autre'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationCreatedData {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  /** The Département it works with: its creator's (issue #17); absent from older events: the home Département. */
  departement?: string;
}
export type OrganisationCreated = DomainEvent<'OrganisationCreated', OrganisationCreatedData>;
export type OrganisationEvent = OrganisationCreated;

export interface CreateOrganisation {
  type: 'CreateOrganisation';
  organisationId: string;
  name: string;
  kind: OrganisationKind;
}
export type OrganisationCommand = CreateOrganisation;

export interface OrganisationState {
  exists: boolean;
}

export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;
export const ORGANISATION_STREAM_PREFIX = 'organisation-';

/** Partner organisations (CAUE, energy agency, State services…), created by Département administrators. */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ exists: false }),
  evolve: (_state, e) => (e.type === 'OrganisationCreated' ? { exists: true } : _state),
  decide(command, state, { actor }: DecisionContext) {
    if (actor.role !== 'departement_admin') {
      throw new DomainError('forbidden', 'Seul un administrateur du Département crée les organisations partenaires.', 'forbidden');
    }
    if (state.exists) throw new DomainError('organisation_exists', 'Cette organisation existe déjà.', 'conflict');
    const name = command.name.trim();
    if (!name) throw new DomainError('required', 'Le nom est obligatoire.', 'invalid', 'name');
    if (name.length > 160) throw new DomainError('too_long', 'Le nom dépasse 160 caractères.', 'invalid', 'name');
    const departement = actor.departement ? { departement: actor.departement } : {};
    return [{ type: 'OrganisationCreated', schemaVersion: 1, data: { organisationId: command.organisationId, name, kind: command.kind, ...departement } }];
  },
};
