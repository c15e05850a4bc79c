import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CommandAccepted, LocateProjectRequest, MapProjectCollection, MapSettings, ProjectStep, ProjectTheme } from '@carnet/contracts';
import { Observable, shareReplay } from 'rxjs';
import type { CommandContext } from '../core/api';
import { SessionStore } from '../core/session';

export interface OutlineFeature {
  type: 'Feature';
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  properties: { code: string; nom: string };
}
export interface Outlines {
  type: 'FeatureCollection';
  features: OutlineFeature[];
}

export interface MapFilters {
  commune?: string;
  step?: ProjectStep | '';
  theme?: ProjectTheme | '';
  q?: string;
}

/** The map endpoints (issue #10): settings and outlines are fetched once per visit. */
@Injectable({ providedIn: 'root' })
export class MapApi {
  private readonly http = inject(HttpClient);
  private readonly settings$ = this.http.get<MapSettings>('/api/map/settings').pipe(shareReplay(1));
  private readonly session = inject(SessionStore);
  /** One download per Département per visit. */
  private readonly outlinesByDepartement = new Map<string, Observable<Outlines>>();

  settings(): Observable<MapSettings> {
    return this.settings$;
  }

  /** The outlines of the communes of the person's Département (an instance may serve several; without one, the first served). */
  outlines(): Observable<Outlines> {
    const departement = this.session.me()?.departement ?? '';
    let outlines = this.outlinesByDepartement.get(departement);
    if (!outlines) {
      const params = departement ? new HttpParams().set('departement', departement) : undefined;
      outlines = this.http.get<Outlines>('/api/map/communes.geojson', { params }).pipe(shareReplay(1));
      this.outlinesByDepartement.set(departement, outlines);
    }
    return outlines;
  }

  projects(filters: MapFilters, minPosition?: number | null): Observable<MapProjectCollection> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) if (value) params = params.set(key, String(value).trim());
    if (minPosition) params = params.set('minPosition', String(minPosition));
    return this.http.get<MapProjectCollection>('/api/map/projects', { params });
  }

  locate(projectId: string, body: LocateProjectRequest, ctx: CommandContext): Observable<CommandAccepted> {
    const headers = new HttpHeaders({ 'If-Match': `"${ctx.version}"`, 'Idempotency-Key': ctx.idempotencyKey });
    return this.http.put<CommandAccepted>(`/api/projects/${encodeURIComponent(projectId)}/location`, body, { headers });
  }
}
