import { Injectable, computed, inject, signal } from '@angular/core';
import type { Persona } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from './api';
import { toUserError } from './problem';

export const PERSONA_STORAGE_KEY = 'carnet.persona';

function readStoredId(): string | null {
  try {
    return localStorage.getItem(PERSONA_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Who the user pretends to be, until real accounts exist (development only).
 * The chosen id survives reloads in localStorage and is sent on every API call.
 */
@Injectable({ providedIn: 'root' })
export class PersonaStore {
  private readonly api = inject(Api);

  readonly personas = signal<Persona[]>([]);
  readonly currentId = signal<string | null>(readStoredId());
  readonly loadError = signal<string | null>(null);
  readonly current = computed(() => this.personas().find((p) => p.id === this.currentId()) ?? null);

  async load(): Promise<void> {
    try {
      const personas = await firstValueFrom(this.api.personas());
      this.personas.set(personas);
      this.loadError.set(null);
      if (!personas.some((p) => p.id === this.currentId()) && personas.length > 0) this.select(personas[0].id);
    } catch (error) {
      const userError = toUserError(error);
      if (userError.status === 404) {
        // No demo personas (production): real accounts apply, send no development header.
        this.currentId.set(null);
        return;
      }
      this.loadError.set(`Impossible de charger les profils de démonstration. ${userError.message}`);
    }
  }

  select(id: string): void {
    this.currentId.set(id);
    try {
      localStorage.setItem(PERSONA_STORAGE_KEY, id);
    } catch {
      // Private browsing may refuse storage: the choice then lasts until the page is reloaded.
    }
  }
}
