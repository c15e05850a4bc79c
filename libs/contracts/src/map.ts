import type { ProjectStep, ProjectTheme } from './index.js';

// ——— Map of projects (issue #10, ADR 0017) ———

/** A point in WGS 84 degrees (5 decimals). */
export interface ProjectLocationView {
  longitude: number;
  latitude: number;
}

/** `PUT /api/projects/:id/location`: a precise point inside the commune, or null for the commune as a whole. */
export interface LocateProjectRequest {
  location: ProjectLocationView | null;
}

/** One project on the in-app map (`GET /api/map/projects`): only what the map and its list need. */
export interface MapProjectProperties {
  title: string;
  /** INSEE code of the commune. */
  commune: string;
  step: ProjectStep;
  theme: ProjectTheme;
  /** Questions waiting for the Département. */
  openQuestions: number;
  /** At least one question has waited longer than QUESTION_OVERDUE_DAYS (« en retard »). */
  overdue: boolean;
  /** true: the point was set by the commune or the Département; false: the commune's centroid. */
  precise: boolean;
}

export interface MapProjectFeature {
  type: 'Feature';
  id: string;
  /** null: no precise point and a commune missing from the 2018 outlines. */
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: MapProjectProperties;
}

/** RFC 7946 FeatureCollection of the projects the caller may see. */
export interface MapProjectCollection {
  type: 'FeatureCollection';
  features: MapProjectFeature[];
  /** Source of the commune outlines, to show under every map. */
  attribution: string;
}

/** `GET /api/map/settings`: what every map draws besides the outlines. */
export interface MapSettings {
  /** Raster tiles `{z}/{x}/{y}` (MAP_TILE_URL); null: the outlines on a plain background, no network needed. */
  tileUrl: string | null;
  tileAttribution: string | null;
  outlinesAttribution: string;
}

/** French names of the choropleth modes of the staff map. */
export const CHOROPLETH_LABELS = {
  projects: 'Projets par commune',
  questions: 'Questions en attente par commune',
  empty: 'Communes sans projet',
} as const;
export type ChoroplethMode = keyof typeof CHOROPLETH_LABELS;

/** Source of the outlines, shown under every map (IGN Admin Express COG 2018, INSEE). */
export const OUTLINES_ATTRIBUTION = 'Contours : IGN Admin Express COG 2018 et INSEE, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab)';
