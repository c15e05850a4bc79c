import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import { departementOfCommune } from '@carnet/domain';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { centroidOf } from '../../public/commune-geo.js';

/*
 * The outlines of the communes of each Département (apps/api/assets/geo, IGN Admin Express COG 2018 and
 * INSEE), read on first use, and the one geometric question the command path asks: how far is a point from a
 * commune. Point in polygon and point-to-line distance come from Turf modules (ADR 0017).
 */

type Ring = Array<[number, number]>;
/** A GeoJSON feature of the shipped outline files: a commune's or a Département's (`code`, `nom`). */
export interface OutlineFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: { code: string; nom: string };
}

// Built files (dist/shared/geo) and sources (src/shared/geo) are both three levels below apps/api.
const GEO = new URL('../../../assets/geo/', import.meta.url);
/** The Val d'Oise's own file (the first shipped, kept as it was); every other Département's, gzipped in communes/ (issue #17). */
const fileOf = (departement: string): string =>
  departement === '95' ? fileURLToPath(new URL('communes-95.geojson', GEO)) : fileURLToPath(new URL(`communes/communes-${departement}.geojson.gz`, GEO));

const bytesByDepartement = new Map<string, Buffer | null>();
const outlinesByDepartement = new Map<string, ReadonlyMap<string, OutlineFeature>>();

/**
 * A Département's outlines file as it is shipped (served to maps as is: 100–700 kB, cacheable), read
 * once and kept; null for a Département without one (Mayotte's communes are there, Saint-Pierre-et-Miquelon's are not).
 */
export function outlinesBytes(departement = '95'): Buffer | null {
  let bytes = bytesByDepartement.get(departement);
  if (bytes === undefined) {
    // A code of the official geographic code only: never a path from a request.
    if (!/^(\d{2}|2A|2B|9[78]\d)$/.test(departement)) return null;
    const file = fileOf(departement);
    bytes = existsSync(file) ? (file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)) : null;
    bytesByDepartement.set(departement, bytes);
  }
  return bytes;
}

/**
 * The outlines of a Département's communes, keyed by INSEE code (2018 codes), loaded on first use:
 * an instance of all France holds only those its people look at.
 */
export function communeOutlines(departement = '95'): ReadonlyMap<string, OutlineFeature> {
  let byCode = outlinesByDepartement.get(departement);
  if (!byCode) {
    const bytes = outlinesBytes(departement);
    const features = bytes ? (JSON.parse(bytes.toString('utf8')) as { features: OutlineFeature[] }).features : [];
    byCode = new Map(features.map((f) => [f.properties.code, f]));
    outlinesByDepartement.set(departement, byCode);
  }
  return byCode;
}

/** One commune's outline, from its Département's file. */
const outlineOf = (codeInsee: string): OutlineFeature | undefined => communeOutlines(departementOfCommune(codeInsee)).get(codeInsee);

/**
 * Where a point stands relative to a commune's outline: 0 m inside, else the geodesic distance to the
 * nearest edge; `known: false` when the commune has no outline (a code created after 2018).
 * Given to the deciders as `DecisionContext.placeInCommune`.
 */
export function placeInCommune(codeInsee: string, at: { longitude: number; latitude: number }): { known: false } | { known: true; distanceMeters: number } {
  const feature = outlineOf(codeInsee);
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
    const feature = outlineOf(codeInsee);
    c = feature ? centroidOf(feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) : null;
    centroids.set(codeInsee, c);
  }
  return c;
}
