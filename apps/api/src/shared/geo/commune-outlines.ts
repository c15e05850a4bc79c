import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { centroidOf } from '../../public/commune-geo.js';

/*
 * The outlines of the communes of the Val d'Oise (apps/api/assets/geo, IGN Admin Express COG 2018 and
 * INSEE), read once, and the one geometric question the command path asks: how far is a point from a
 * commune. Point in polygon and point-to-line distance come from Turf modules (ADR 0017).
 */

type Ring = Array<[number, number]>;
interface OutlineFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: { code: string; nom: string };
}

// Built files (dist/shared/geo) and sources (src/shared/geo) are both three levels below apps/api.
const OUTLINES = fileURLToPath(new URL('../../../assets/geo/communes-95.geojson', import.meta.url));

let byCode: Map<string, OutlineFeature> | null = null;

/** Every commune outline, keyed by INSEE code (2018 codes). */
export function communeOutlines(): ReadonlyMap<string, OutlineFeature> {
  if (!byCode) {
    const collection = JSON.parse(readFileSync(OUTLINES, 'utf8')) as { features: OutlineFeature[] };
    byCode = new Map(collection.features.map((f) => [f.properties.code, f]));
  }
  return byCode;
}

/**
 * Where a point stands relative to a commune's outline: 0 m inside, else the geodesic distance to the
 * nearest edge; `known: false` when the commune has no outline (a code created after 2018).
 * Given to the deciders as `DecisionContext.placeInCommune`.
 */
export function placeInCommune(codeInsee: string, at: { longitude: number; latitude: number }): { known: false } | { known: true; distanceMeters: number } {
  const feature = communeOutlines().get(codeInsee);
  if (!feature) return { known: false };
  const pt = point([at.longitude, at.latitude]);
  if (booleanPointInPolygon(pt, feature.geometry)) return { known: true, distanceMeters: 0 };
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let nearest = Number.POSITIVE_INFINITY;
  for (const ring of polygons.flat()) {
    nearest = Math.min(nearest, pointToLineDistance(pt, lineString(ring), { units: 'meters' }));
  }
  return { known: true, distanceMeters: Math.round(nearest) };
}

const centroids = new Map<string, [number, number] | null>();

/** The commune's area-weighted centroid (where a project without a precise point is drawn), or null without an outline. */
export function communeCentroid(codeInsee: string): [number, number] | null {
  let c = centroids.get(codeInsee);
  if (c === undefined) {
    const feature = communeOutlines().get(codeInsee);
    c = feature ? centroidOf(feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) : null;
    centroids.set(codeInsee, c);
  }
  return c;
}

/** The outlines file as it is shipped (served to maps as is: about 160 kB, cacheable). */
export function outlinesBytes(): Buffer {
  return readFileSync(OUTLINES);
}
