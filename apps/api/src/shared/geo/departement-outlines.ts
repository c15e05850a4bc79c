import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { OutlineFeature } from './commune-outlines.js';

/*
 * The outlines of the Départements of metropolitan France (apps/api/assets/geo/departements-france.geojson.gz,
 * IGN Admin Express COG 2018 and INSEE, simplified), for the national map of an instance serving several
 * Départements (issue #17). Read on first use. The overseas Départements are not in the file: their communes
 * have outlines (communes/), the national map lists them without drawing them.
 */

// Built files (dist/shared/geo) and sources (src/shared/geo) are both three levels below apps/api.
const FILE = new URL('../../../assets/geo/departements-france.geojson.gz', import.meta.url);

let byCode: ReadonlyMap<string, OutlineFeature> | undefined;

/** Every Département outline in the file, by code (« 95 », « 2A »). */
export function allDepartementOutlines(): ReadonlyMap<string, OutlineFeature> {
  byCode ??= new Map((JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')) as { features: OutlineFeature[] }).features.map((f) => [f.properties.code, f]));
  return byCode;
}

/** The outlines of the Départements given, in their order; those the file does not have are left out. */
export function departementOutlines(codes: readonly string[]): OutlineFeature[] {
  const all = allDepartementOutlines();
  return codes.flatMap((code) => {
    const feature = all.get(code);
    return feature ? [feature] : [];
  });
}

const served = new Map<string, Buffer>();

/** A FeatureCollection of the given Départements' outlines, as bytes kept for the instance's lifetime (one per list). */
export function departementOutlinesBytes(codes: readonly string[]): Buffer {
  const key = codes.join(',');
  let bytes = served.get(key);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: departementOutlines(codes) }), 'utf8');
    served.set(key, bytes);
  }
  return bytes;
}
