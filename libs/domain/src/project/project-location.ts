import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext } from '../shared/decider.js';
import type { DomainEvent } from '../shared/decider.js';

/*
 * Where a project is (issue #10). By default a project is « in its commune » (no point: maps draw the
 * commune's outline). Its commune or the Département may set a precise point, by clicking on a map or
 * by typing coordinates; only a point inside the commune's outline, give or take a small tolerance,
 * is accepted. Moving the point, or going back to the whole commune, is a new `ProjectLocated` event.
 * The geometry itself (point in polygon, distance to the outline) is given to the decider by the
 * command path (`DecisionContext.placeInCommune`), like the fingerprint: the domain does not load maps.
 */

/** A point in WGS 84 (GPS) degrees, 5 decimals (about one metre). */
export interface ProjectLocation {
  longitude: number;
  latitude: number;
}

/** Set the project's precise point, or go back to the whole commune with `location: null`. */
export interface LocateProject {
  type: 'LocateProject';
  location: ProjectLocation | null;
}

export interface ProjectLocatedData {
  projectId: string;
  /** null: the project is placed on its commune as a whole (its outline). */
  location: ProjectLocation | null;
}
export type ProjectLocated = DomainEvent<'ProjectLocated', ProjectLocatedData>;

/** Where a point stands relative to a commune's outline, as measured by the command path. */
export type PlaceCheck =
  | { known: false }
  /** `distanceMeters`: 0 inside, else the distance to the nearest edge of the outline. */
  | { known: true; distanceMeters: number };

/** A point this close to the outline (simplified to about 30 m) is still taken as the commune's. */
export const LOCATION_TOLERANCE_METERS = 100;

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;

function canPlace(actor: Actor, codeInsee: string): boolean {
  return isDepartementRole(actor.role) || (isCommuneRole(actor.role) && actor.communeInsee === codeInsee);
}

const frenchKm = (meters: number): string =>
  meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${String(Math.round(meters / 100) / 10).replace('.', ',')} km`;

/** Decides a LocateProject on a project of `codeInsee` whose point is `current`. */
export function decideLocation(
  command: LocateProject,
  project: { projectId: string; codeInsee: string; location: ProjectLocation | null },
  context: DecisionContext,
): ProjectLocated[] {
  if (!canPlace(context.actor, project.codeInsee)) throw new DomainError('forbidden', 'Seuls la commune et le Département placent ce projet sur la carte.', 'forbidden');
  const input = command.location;
  let location: ProjectLocation | null = null;
  if (input !== null) {
    const { longitude, latitude } = input;
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new DomainError('invalid_longitude', 'La longitude doit être un nombre entre -180 et 180 (par exemple 2,0123).', 'invalid', 'location.longitude');
    }
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new DomainError('invalid_latitude', 'La latitude doit être un nombre entre -90 et 90 (par exemple 49,0871).', 'invalid', 'location.latitude');
    }
    location = { longitude: round5(longitude), latitude: round5(latitude) };
    if (!context.placeInCommune) throw new Error('The decision context has no placeInCommune function');
    const check = context.placeInCommune(project.codeInsee, location);
    if (!check.known) {
      throw new DomainError('outline_unknown', 'Le contour de cette commune n’est pas connu : le projet reste placé sur la commune entière.', 'invalid', 'location');
    }
    if (check.distanceMeters > LOCATION_TOLERANCE_METERS) {
      throw new DomainError(
        'outside_commune',
        `Ce point est en dehors de la commune (à ${frenchKm(check.distanceMeters)} de ses limites). Placez le projet à l’intérieur du contour de la commune.`,
        'invalid',
        'location',
      );
    }
  }
  const same = location === null ? project.location === null : project.location?.longitude === location.longitude && project.location?.latitude === location.latitude;
  if (same) {
    throw new DomainError('no_change', location ? 'Le projet est déjà placé à ce point.' : 'Le projet est déjà placé sur la commune entière.', 'invalid', 'location');
  }
  return [{ type: 'ProjectLocated', schemaVersion: 1, data: { projectId: project.projectId, location } }];
}
