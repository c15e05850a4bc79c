import type * as Leaflet from 'leaflet';

export type LeafletLib = typeof Leaflet;

let loading: Promise<LeafletLib> | null = null;

/**
 * Leaflet and its clustering plugin, loaded on the first map only (they stay out of the other
 * pages' bundles). The plugin extends the global `L`, as Leaflet plugins do.
 */
export function loadLeaflet(): Promise<LeafletLib> {
  loading ??= (async () => {
    const module = (await import('leaflet')) as unknown as { default?: LeafletLib } & LeafletLib;
    const L = module.default ?? module;
    (globalThis as unknown as { L: LeafletLib }).L = L;
    await import('leaflet.markercluster');
    return L;
  })();
  return loading;
}
