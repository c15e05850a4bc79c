import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { LocateProjectRequest, MapSettings, ProjectLocationView } from '@carnet/contracts';
import type * as Leaflet from 'leaflet';
import { firstValueFrom } from 'rxjs';
import { CommandFormState, ProjectStore } from '../projects/project-page/project-store';
import { FormFeedback } from '../projects/project-page/form-feedback';
import { focusFirstError, type FieldErrors } from '../projects/shared/form-helpers';
import { Field, FieldControl } from '../shared/field';
import { loadLeaflet, type LeafletLib } from './leaflet-loader';
import { MapApi, type Outlines } from './map-api';
import { boundsOf, createMap, outlinesLayer } from './map-core';

/** « 49,08531 » → 49.08531 (a comma or a point); undefined when it is not a number. */
export function parseDegrees(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const degrees = (n: number) => n.toFixed(5).replace('.', ',');
export const frenchPoint = (p: ProjectLocationView) => `${degrees(p.latitude)} N, ${degrees(p.longitude)} E`;

export function validatePoint(latitude: string, longitude: string): FieldErrors {
  const errors: FieldErrors = {};
  const lat = parseDegrees(latitude);
  const lon = parseDegrees(longitude);
  if (lat === undefined || lat < -90 || lat > 90) errors['latitude'] = 'Indiquez la latitude en degrés, par exemple 49,08531.';
  if (lon === undefined || lon < -180 || lon > 180) errors['longitude'] = 'Indiquez la longitude en degrés, par exemple 1,97467.';
  return errors;
}

/**
 * « Carte » section of the project page (issue #10): where the project is — its commune's outline,
 * and its precise point when one was set. The commune and the Département set the point by
 * clicking on the map or by typing its coordinates; the server refuses a point outside the commune.
 */
@Component({
  selector: 'app-project-location',
  imports: [FormsModule, Field, FieldControl, FormFeedback],
  template: `
    <p class="location-now">
      @if (location(); as p) {
        Emplacement : point précis <strong>{{ pointText(p) }}</strong>.
      } @else {
        Le projet est placé sur <strong>la commune entière</strong> (pas de point précis).
      }
      @if (published()) {
        <span class="hint">Le public voit le point de la version approuvée par le maire : un nouveau point devient public avec la prochaine version approuvée.</span>
      }
    </p>
    @if (canManage()) {
      <p class="hint" id="location-help">Cliquez sur la carte à l’endroit du projet, ou saisissez ses coordonnées (GPS, en degrés), puis enregistrez. Le point doit être dans la commune.</p>
    }
    <div #mapElement class="map map--project" [class.map--pick]="canManage()"></div>
    @if (mapError(); as message) {
      <p class="alert alert--info" role="status">{{ message }}</p>
    }
    @if (canManage()) {
      <form #form class="form form--compact location-form" novalidate (ngSubmit)="submit()" aria-labelledby="location-form-title">
        <h3 id="location-form-title">Placer le projet</h3>
        <div class="form-row">
          <app-field label="Latitude (nord)" hint="Par exemple 49,08531" [error]="state.errors()['latitude']">
            <input appFieldControl id="location-latitude" name="latitude" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="latitude" (ngModelChange)="typed()" />
          </app-field>
          <app-field label="Longitude (est)" hint="Par exemple 1,97467" [error]="state.errors()['longitude']">
            <input appFieldControl id="location-longitude" name="longitude" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="longitude" (ngModelChange)="typed()" />
          </app-field>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button--primary" [disabled]="state.pending()">
            {{ state.pending() ? 'Enregistrement…' : 'Enregistrer ce point' }}
          </button>
          @if (location()) {
            <button type="button" class="button" [disabled]="state.pending()" (click)="wholeCommune()">Placer sur la commune entière</button>
          }
        </div>
      </form>
      <app-form-feedback [state]="state" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectLocation {
  private readonly api = inject(MapApi);
  private readonly store = inject(ProjectStore);
  private readonly mapElement = viewChild.required<ElementRef<HTMLElement>>('mapElement');
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Whether the person may place the project (its commune, the Département). */
  readonly canManage = input(false);

  protected readonly state = new CommandFormState();
  protected readonly latitude = signal('');
  protected readonly longitude = signal('');
  protected readonly mapError = signal<string | null>(null);
  protected readonly location = computed(() => this.store.detail()?.location ?? null);
  protected readonly published = computed(() => this.store.detail()?.publication === 'published');
  protected readonly pointText = frenchPoint;

  private L: LeafletLib | null = null;
  private map: Leaflet.Map | null = null;
  private outlines: Outlines | null = null;
  private outlineLayer: Leaflet.GeoJSON | null = null;
  private saved: Leaflet.Marker | null = null;
  private pending: Leaflet.Marker | null = null;
  private shownCommune: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.map?.remove());
    void this.init();
    effect(() => {
      const detail = this.store.detail();
      const location = this.location();
      untracked(() => {
        if (!detail) return;
        this.fillFields(location);
        this.draw(detail.codeInsee, location);
      });
    });
  }

  private async init(): Promise<void> {
    try {
      const [L, settings, outlines] = await Promise.all([loadLeaflet(), firstValueFrom(this.api.settings()), firstValueFrom(this.api.outlines())]);
      this.L = L;
      this.outlines = outlines;
      this.map = this.create(L, settings);
      const detail = this.store.detail();
      if (detail) this.draw(detail.codeInsee, this.location());
    } catch {
      this.mapError.set('La carte n’a pas pu être affichée. Vous pouvez saisir les coordonnées du projet.');
    }
  }

  private create(L: LeafletLib, settings: MapSettings): Leaflet.Map {
    const map = createMap(L, this.mapElement().nativeElement, settings, 'Carte du projet et de sa commune');
    if (this.canManage()) {
      this.mapElement().nativeElement.setAttribute('aria-describedby', 'location-help');
      map.on('click', (e: Leaflet.LeafletMouseEvent) => this.pick(e.latlng.lat, e.latlng.lng));
    }
    return map;
  }

  /** The commune's outline (others faint), the saved point, and the point being chosen. */
  private draw(codeInsee: string, location: ProjectLocationView | null): void {
    const { L, map, outlines } = this;
    if (!L || !map || !outlines) return;
    if (this.shownCommune !== codeInsee) {
      this.outlineLayer?.remove();
      this.outlineLayer = outlinesLayer(
        L,
        outlines,
        (f) =>
          f.properties.code === codeInsee
            ? { color: '#1f4e79', weight: 3, fillColor: '#9fb8d1', fillOpacity: 0.35 }
            : { color: '#6b7178', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 },
        (f) => f.properties.nom,
      ).addTo(map);
      map.fitBounds(boundsOf(L, outlines, codeInsee), { padding: [16, 16] });
      this.shownCommune = codeInsee;
    }
    this.saved?.remove();
    this.saved = null;
    if (location) {
      const label = `Emplacement enregistré du projet : ${frenchPoint(location)}`;
      this.saved = L.marker([location.latitude, location.longitude], {
        icon: L.divIcon({ className: 'map-marker-icon', html: `<span class="map-pin" aria-hidden="true"></span><span class="visually-hidden">${label}</span>`, iconSize: [26, 26], iconAnchor: [13, 26] }),
        title: label,
        keyboard: true,
      }).addTo(map);
    }
    this.pending?.remove();
    this.pending = null;
  }

  private pick(lat: number, lon: number): void {
    const round = (n: number) => Math.round(n * 1e5) / 1e5;
    this.latitude.set(degrees(round(lat)));
    this.longitude.set(degrees(round(lon)));
    this.state.begin({});
    this.showPending();
  }

  protected typed(): void {
    this.showPending();
  }

  /** The point being chosen, drawn as a hollow pin, until it is saved. */
  private showPending(): void {
    const { L, map } = this;
    const lat = parseDegrees(this.latitude());
    const lon = parseDegrees(this.longitude());
    this.pending?.remove();
    this.pending = null;
    if (!L || !map || lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
    const label = `Point choisi, pas encore enregistré : ${frenchPoint({ latitude: lat, longitude: lon })}`;
    this.pending = L.marker([lat, lon], {
      icon: L.divIcon({ className: 'map-marker-icon', html: `<span class="map-pin map-pin--pending" aria-hidden="true"></span><span class="visually-hidden">${label}</span>`, iconSize: [26, 26], iconAnchor: [13, 26] }),
      title: label,
      keyboard: true,
    }).addTo(map);
  }

  private fillFields(location: ProjectLocationView | null): void {
    this.latitude.set(location ? degrees(location.latitude) : '');
    this.longitude.set(location ? degrees(location.longitude) : '');
  }

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    if (!this.state.begin(validatePoint(this.latitude(), this.longitude()))) {
      this.focusError();
      return;
    }
    await this.send({ location: { latitude: parseDegrees(this.latitude())!, longitude: parseDegrees(this.longitude())! } }, 'Le point du projet a été enregistré : il apparaît dans l’historique.');
  }

  protected async wholeCommune(): Promise<void> {
    if (this.state.pending()) return;
    this.state.begin({});
    await this.send({ location: null }, 'Le projet est maintenant placé sur la commune entière.');
  }

  private async send(body: LocateProjectRequest, success: string): Promise<void> {
    const detail = this.store.detail()!;
    const ok = await this.store.run(this.state, body, (ctx) => this.api.locate(detail.id, body, ctx), success);
    if (!ok) {
      // A reason about the point as a whole (outside the commune) is in the alert under the form: focus it.
      if (this.state.errors()['location']) setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.alert--error')?.focus());
      else this.focusError();
    }
  }

  private focusError(): void {
    const form = this.form();
    if (form) focusFirstError(form.nativeElement);
  }
}
