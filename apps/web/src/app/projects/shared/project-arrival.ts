/**
 * What a page hands to the project page it opens after a command (« Créer le projet »), through the router's
 * navigation state — `router.navigate([...], { state: projectArrival(…) })` — so that nothing technical shows in
 * the address bar, in the browser's history or in a link copied from it.
 */
export interface ProjectArrival {
  /** Log position of the accepted command: the page waits for the read model to include it (read-your-writes). */
  after: number;
  /** Said once the project is shown, with the focus on it (« Projet créé. »). */
  message?: string;
}

const KEY = 'carnetProjectArrival';

/** The navigation state that carries `arrival`. */
export function projectArrival(arrival: ProjectArrival): Record<string, unknown> {
  return { [KEY]: arrival };
}

/** The arrival carried by a navigation's state, if any (anything else in the state is ignored). */
export function readProjectArrival(state: unknown): ProjectArrival | null {
  if (!state || typeof state !== 'object') return null;
  const value = (state as Record<string, unknown>)[KEY] as Partial<ProjectArrival> | undefined;
  if (!value || typeof value.after !== 'number' || !Number.isFinite(value.after)) return null;
  return { after: value.after, ...(typeof value.message === 'string' && value.message ? { message: value.message } : {}) };
}
