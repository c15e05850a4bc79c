/** Who is acting: taken from the session, never from the request body. */
export interface Actor {
  id: string;
  role: ActorRole;
  /** INSEE code of the actor's commune (commune roles only). */
  communeInsee: string | null;
  /** Partner organisation of the actor (partner members only). */
  organisationId?: string | null;
  /**
   * The Département a Département agent, administrator or auditor works for (issue #17): they reach
   * the projects of its communes only. Commune members reach their commune's, partners those their
   * organisation is involved in.
   */
  departement?: string | null;
  displayName: string;
}

export const ACTOR_ROLES = [
  'commune_mayor',
  'commune_member',
  'departement_agent',
  'departement_admin',
  'partner_member',
  'auditor',
  /** Manages the Départements of an instance that serves several (their administrators, issue #17): no project, no log. */
  'national_admin',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const isCommuneRole = (role: ActorRole): boolean => role === 'commune_mayor' || role === 'commune_member';
export const isDepartementRole = (role: ActorRole): boolean => role === 'departement_agent' || role === 'departement_admin';

/** What a decider needs besides the command and the state: time and ids come in, never made inside. */
export interface DecisionContext {
  actor: Actor;
  now: Date;
  /** Returns a new id; deterministic for a given command so that a retried command decides the same. */
  newId: (purpose: string) => string;
  /** SHA-256 (hex) of the canonical JSON of a value: the domain does not hash, it is given the function. */
  fingerprint?: (value: unknown) => string;
  /** Where a point stands relative to a commune's outline: the domain does not load maps, it is given the function. */
  placeInCommune?: (codeInsee: string, point: { longitude: number; latitude: number }) => { known: false } | { known: true; distanceMeters: number };
}

/** A domain event before it is stored: a type, a schema version and plain JSON data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  schemaVersion: number;
  data: Data;
}

/** A decider: three pure functions (see ADR 0002). */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State, context: DecisionContext): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A business rule was broken: the message is French, for the person who acted. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: 'invalid' | 'forbidden' | 'not_found' | 'conflict' = 'invalid',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
