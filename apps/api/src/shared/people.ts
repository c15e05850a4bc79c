import type { ActorView, ActorRole } from '@carnet/contracts';
import { findPersona } from '../dev/personas.js';

/**
 * Names are looked up here at read time, never stored in events: erasing a person later only
 * has to change this directory, not the log.
 */
export function actorView(id: string, role: string): ActorView {
  const person = findPersona(id);
  return { id, name: person?.displayName ?? 'Personne inconnue', role: role as ActorRole };
}
