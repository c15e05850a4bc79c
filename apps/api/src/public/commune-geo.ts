import { Injectable } from '@nestjs/common';
import { OUTLINES_ATTRIBUTION } from '@carnet/contracts';
import { departementOfCommune } from '@carnet/domain';
import { communeOutlines } from '../shared/geo/commune-outlines.js';

type Ring = Array<[number, number]>;

/** Outline and centroid of one commune (WGS 84, longitude then latitude). */
export interface CommuneShape {
  polygons: Ring[][];
  /** Area-weighted centroid of the outline, [longitude, latitude], 5 decimals. */
  centroid: [number, number];
}

/** Source of the outlines, shown wherever a map or a coordinate is published. */
export const GEO_ATTRIBUTION = OUTLINES_ATTRIBUTION;


/** Signed area and centroid of a ring with the shoelace formula (planar: fine at the scale of a commune). */
function ringMoments(ring: Ring): { area: number; cx: number; cy: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: area / 2, cx, cy };
}

/** Centroid of polygons (outer ring minus holes), weighted by area. */
export function centroidOf(polygons: Ring[][]): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const m = ringMoments(ring);
      // Outer rings count positively and holes negatively, whatever their winding.
      const sign = (index === 0 ? 1 : -1) * Math.sign(m.area);
      area += sign * m.area;
      cx += sign * m.cx;
      cy += sign * m.cy;
    });
  }
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  return [round(cx / (6 * area)), round(cy / (6 * area))];
}

/** The outlines of the communes (apps/api/assets/geo, through commune-outlines.ts: each Département's file read on first use). */
@Injectable()
export class CommuneGeo {
  private readonly shapes = new Map<string, CommuneShape | null>();

  shape(codeInsee: string): CommuneShape | undefined {
    let shape = this.shapes.get(codeInsee);
    if (shape === undefined) {
      const feature = communeOutlines(departementOfCommune(codeInsee)).get(codeInsee);
      const polygons = feature ? ((feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as Ring[][]) : null;
      shape = polygons ? { polygons, centroid: centroidOf(polygons) } : null;
      this.shapes.set(codeInsee, shape);
    }
    return shape ?? undefined;
  }

  /** An inline SVG path of the commune's outline (north up, longitudes shrunk by cos(latitude)), or null. */
  svgPath(codeInsee: string, size = 240): { d: string; width: number; height: number } | null {
    const shape = this.shape(codeInsee);
    if (!shape) return null;
    const k = Math.cos((shape.centroid[1] * Math.PI) / 180);
    const points = shape.polygons.flat(2);
    const xs = points.map(([lon]) => lon * k);
    const ys = points.map(([, lat]) => -lat);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = size / Math.max(maxX - minX, maxY - minY);
    const width = Math.round((maxX - minX) * scale);
    const height = Math.round((maxY - minY) * scale);
    const d = shape.polygons
      .flat()
      .map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${((lon * k - minX) * scale).toFixed(1)} ${((-lat - minY) * scale).toFixed(1)}`).join('') + 'Z')
      .join('');
    return { d, width, height };
  }
}
