import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CommandAccepted, LocateProjectRequest, MapProjectCollection, MapSettings, ProjectStep, ProjectTheme } from '@carnet/contracts';
import { Observable, shareReplay } from 'rxjs';
import type { CommandContext } from '../core/api';

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
  private readonly outlines$ = this.http.get<Outlines>('/api/map/communes.geojson').pipe(shareReplay(1));

  settings(): Observable<MapSettings> {
    return this.settings$;
  }

  outlines(): Observable<Outlines> {
    return this.outlines$;
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
