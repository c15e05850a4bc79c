import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import type { ChoroplethMode, MapProjectFeature } from '@carnet/contracts';
import type * as Leaflet from 'leaflet';
import { firstValueFrom } from 'rxjs';
import { loadLeaflet, type LeafletLib } from './leaflet-loader';
import { MapApi, type OutlineFeature, type Outlines } from './map-api';
import { boundsOf, createMap, escapeHtml, outlinesLayer, projectMarker } from './map-core';
import { EMPTY_FILL, countClass } from './map-style';

/** Figures of one commune, for the choropleth. */
export interface CommuneFigures {
  projects: number;
  openQuestions: number;
}

/**
 * The Leaflet map of the « Carte » page: the commune outlines (coloured by the choropleth mode),
 * the projects as clustered, focusable markers. Clicking a commune tells the page (`communeSelected`).
 */
@Component({
  selector: 'app-projects-map',
  template: `<div #mapElement class="map map--wide"></div>
    @if (error(); as message) {
      <p class="alert alert--info" role="status">{{ message }}</p>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectsMap {
  private readonly api = inject(MapApi);
  private readonly router = inject(Router);
  private readonly mapElement = viewChild.required<ElementRef<HTMLElement>>('mapElement');

  readonly features = input.required<MapProjectFeature[]>();
  readonly figures = input.required<Map<string, CommuneFigures>>();
  readonly mode = input<ChoroplethMode | 'none'>('none');
  readonly names = input.required<Map<string, string>>();
  /** Communes drawn (a commune member: their own); empty: every commune. */
  readonly focusCommune = input<string>('');
  readonly label = input('Carte des projets');
  readonly communeSelected = output<string>();

  protected readonly error = signal<string | null>(null);
  private L: LeafletLib | null = null;
  private map: Leaflet.Map | null = null;
  private outlines: Outlines | null = null;
  private outlineLayer: Leaflet.GeoJSON | null = null;
  private cluster: Leaflet.MarkerClusterGroup | null = null;
  private readonly ready = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.map?.remove());
    void this.init();
    effect(() => {
      if (!this.ready()) return;
      const [mode, figures] = [this.mode(), this.figures()];
      untracked(() => this.drawOutlines(mode, figures));
    });
    effect(() => {
      if (!this.ready()) return;
      const features = this.features();
      untracked(() => this.drawProjects(features));
    });
    effect(() => {
      if (!this.ready()) return;
      const commune = this.focusCommune();
      untracked(() => this.map!.fitBounds(boundsOf(this.L!, this.outlines!, commune || undefined), { padding: [12, 12] }));
    });
  }

  private async init(): Promise<void> {
    try {
      const [L, settings, outlines] = await Promise.all([loadLeaflet(), firstValueFrom(this.api.settings()), firstValueFrom(this.api.outlines())]);
      this.L = L;
      this.outlines = outlines;
      this.map = createMap(L, this.mapElement().nativeElement, settings, this.label());
      this.map.fitBounds(boundsOf(L, outlines), { padding: [12, 12] });
      this.ready.set(true);
    } catch {
      this.error.set('La carte n’a pas pu être affichée. La liste ci-dessous donne les mêmes projets.');
    }
  }

  private drawOutlines(mode: ChoroplethMode | 'none', figures: Map<string, CommuneFigures>): void {
    const L = this.L!;
    this.outlineLayer?.remove();
    const name = (f: OutlineFeature) => this.names().get(f.properties.code) ?? f.properties.nom;
    const figure = (f: OutlineFeature) => figures.get(f.properties.code) ?? { projects: 0, openQuestions: 0 };
    const style = (f: OutlineFeature): Leaflet.PathOptions => {
      const base = { color: '#4a4f55', weight: 1, fillOpacity: 0.75 };
      const n = figure(f);
      if (mode === 'projects') return { ...base, fillColor: countClass(n.projects).fill };
      if (mode === 'questions') return { ...base, fillColor: countClass(n.openQuestions).fill };
      if (mode === 'empty') return n.projects === 0 ? { color: '#7a2e00', weight: 2, dashArray: '4 3', fillColor: EMPTY_FILL, fillOpacity: 0.55 } : { ...base, fillColor: '#ffffff' };
      return { ...base, fillColor: '#ffffff', fillOpacity: 0.6 };
    };
    const describe = (f: OutlineFeature) => {
      const n = figure(f);
      return escapeHtml(`${name(f)} : ${n.projects} projet${n.projects > 1 ? 's' : ''}, ${n.openQuestions} question${n.openQuestions > 1 ? 's' : ''} en attente`);
    };
    this.outlineLayer = outlinesLayer(L, this.outlines!, style, describe, (f) => this.communeSelected.emit(f.properties.code)).addTo(this.map!);
    this.outlineLayer.bringToBack();
  }

  private drawProjects(features: MapProjectFeature[]): void {
    const L = this.L!;
    this.cluster?.remove();
    this.cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: (cluster) => {
        const n = cluster.getChildCount();
        return L.divIcon({
          className: 'map-marker-icon',
          html: `<span class="map-cluster" aria-hidden="true">${n}</span><span class="visually-hidden">Groupe de ${n} projets : Entrée pour zoomer</span>`,
          iconSize: [38, 38],
        });
      },
    });
    const markers = features.flatMap((f) => {
      const marker = projectMarker(L, f, this.names().get(f.properties.commune) ?? f.properties.commune, (id) => void this.router.navigate(['/projets', id]));
      return marker ? [marker] : [];
    });
    this.cluster.addLayers(markers);
    this.cluster.addTo(this.map!);
  }
}
