import type * as Leaflet from 'leaflet';
import { STEP_LABELS, THEME_LABELS, type MapProjectFeature, type MapSettings } from '@carnet/contracts';
import type { LeafletLib } from './leaflet-loader';
import type { OutlineFeature, Outlines } from './map-api';

/** Escapes text put into Leaflet's HTML strings (attribution, marker icons). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A Leaflet map on `element` with French controls, the outlines' attribution always shown and the
 * configured base map if any (without one: the outlines on a plain background, no network needed).
 * The container is focusable: arrows pan, + and − zoom (Leaflet's keyboard handler).
 */
export function createMap(L: LeafletLib, element: HTMLElement, settings: MapSettings, label: string): Leaflet.Map {
  const map = L.map(element, { zoomControl: false, attributionControl: false, keyboard: true, zoomSnap: 0.5, minZoom: 8, maxZoom: 18 });
  L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer', zoomOutText: '−' }).addTo(map);
  const attribution = L.control.attribution({ prefix: '<a href="https://leafletjs.com" hreflang="en">Leaflet</a>' }).addTo(map);
  attribution.addAttribution(escapeHtml(settings.outlinesAttribution));
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: escapeHtml(settings.tileAttribution ?? ''), maxZoom: 18 }).addTo(map);
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', `${label}. Flèches pour se déplacer, touches plus et moins pour zoomer, Tab pour passer d’un projet à l’autre.`);
  // Leaflet's popup close button is labelled in English.
  map.on('popupopen', (e) => {
    const close = (e as Leaflet.PopupEvent).popup.getElement()?.querySelector('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', 'Fermer');
    close?.setAttribute('title', 'Fermer');
  });
  return map;
}

/** The outlines as a GeoJSON layer; `style` and `describe` per commune. */
export function outlinesLayer(
  L: LeafletLib,
  outlines: Outlines,
  style: (f: OutlineFeature) => Leaflet.PathOptions,
  describe: (f: OutlineFeature) => string,
  onClick?: (f: OutlineFeature) => void,
): Leaflet.GeoJSON {
  return L.geoJSON(outlines as unknown as GeoJSON.FeatureCollection, {
    style: (f) => style(f as unknown as OutlineFeature),
    onEachFeature: (f, layer) => {
      const feature = f as unknown as OutlineFeature;
      layer.bindTooltip(describe(feature), { sticky: true });
      // Chromium puts clickable SVG paths in the tab order: 184 unnamed stops before the projects. The
      // communes are reached with the keyboard through the table beside the map instead.
      layer.on('add', () => (layer as Leaflet.Path).getElement()?.setAttribute('tabindex', '-1'));
      if (onClick) layer.on('click', () => onClick(feature));
    },
  });
}

/** The text that names a project's marker for a screen reader and in its tooltip. */
export function markerLabel(p: MapProjectFeature['properties'], communeName: string): string {
  return `${p.title} — ${communeName}, étape ${STEP_LABELS[p.step]}${p.overdue ? ', question en retard' : ''}${p.precise ? '' : ' (placé sur la commune)'}`;
}

/** A project's marker: a coloured disc with the step's letter, a « ! » when overdue; focusable, Enter opens its popup. */
export function projectMarker(L: LeafletLib, feature: MapProjectFeature, communeName: string, open: (id: string) => void): Leaflet.Marker | null {
  if (!feature.geometry) return null;
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const label = markerLabel(p, communeName);
  const mark = { idee: 'I', etudes: 'É', financement: 'F', travaux: 'T', termine: '✓' }[p.step];
  const icon = L.divIcon({
    className: 'map-marker-icon',
    html: `<span class="map-marker map-marker--${p.step}${p.precise ? '' : ' map-marker--commune'}" aria-hidden="true">${mark}${p.overdue ? '<span class="map-marker__late">!</span>' : ''}</span><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
  const marker = L.marker([lat, lon], { icon, keyboard: true, title: label, riseOnHover: true });
  marker.bindPopup(() => popupContent(feature, communeName, open), { autoPanPadding: [24, 24] });
  marker.on('keypress', (e) => {
    const key = (e as Leaflet.LeafletKeyboardEvent).originalEvent.key;
    if (key === 'Enter' || key === ' ') {
      marker.openPopup();
      // Keyboard users go straight to the link of the popup.
      setTimeout(() => marker.getPopup()?.getElement()?.querySelector<HTMLAnchorElement>('a.map-popup__link')?.focus());
    }
  });
  return marker;
}

function popupContent(feature: MapProjectFeature, communeName: string, open: (id: string) => void): HTMLElement {
  const p = feature.properties;
  const box = document.createElement('div');
  box.className = 'map-popup';
  const title = document.createElement('p');
  title.className = 'map-popup__title';
  title.textContent = p.title;
  const meta = document.createElement('p');
  meta.textContent = `${communeName} · ${THEME_LABELS[p.theme]} · ${STEP_LABELS[p.step]}${p.openQuestions ? ` · ${p.openQuestions} question${p.openQuestions > 1 ? 's' : ''} en attente` : ''}${p.overdue ? ' (en retard)' : ''}`;
  const link = document.createElement('a');
  link.className = 'map-popup__link';
  link.href = `/projets/${feature.id}`;
  link.textContent = 'Ouvrir le projet';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    open(feature.id);
  });
  box.append(title, meta, link);
  return box;
}

/** The bounds of a commune's outline, or of all outlines. */
export function boundsOf(L: LeafletLib, outlines: Outlines, code?: string): Leaflet.LatLngBounds {
  const features = code ? outlines.features.filter((f) => f.properties.code === code) : outlines.features;
  return L.geoJSON({ type: 'FeatureCollection', features } as unknown as GeoJSON.FeatureCollection).getBounds();
}
