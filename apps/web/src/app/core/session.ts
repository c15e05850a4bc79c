import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Me } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from './api';
import { isCommuneRole } from './roles';

/** Why the person was sent back to the login page (shown there in plain French). */
export type SignedOutReason = 'session' | 'retire' | 'deconnecte';

/** Who is logged in. Loaded before the first page, refreshed on each navigation to a page that needs it. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(Api);

  /** The person logged in, or null for an anonymous visitor. */
  readonly me = signal<Me | null>(null);
  readonly loaded = signal(false);
  /** Could not ask the server who is logged in (network, 5xx): pages still work anonymously. */
  readonly loadError = signal<string | null>(null);
  readonly loggedIn = computed(() => this.me() !== null);
  /** A commune account that lost its seat: logged in but without access to its former commune. */
  readonly withoutAccess = computed(() => {
    const me = this.me();
    return !!me && (!me.role || (isCommuneRole(me.role) && (!me.seat || !me.communeInsee)));
  });

  /** When the server was last asked (ms since epoch). */
  checkedAt = 0;

  /** Asks the API who is logged in: a 401 means nobody. Returns the person, or null. */
  async refresh(): Promise<Me | null> {
    this.checkedAt = Date.now();
    try {
      const me = await firstValueFrom(this.api.me());
      this.me.set(me);
      this.loadError.set(null);
      return me;
    } catch (error) {
      if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403)) {
        this.me.set(null);
        this.loadError.set(null);
        return null;
      }
      this.loadError.set('Le serveur ne répond pas : vous naviguez pour l’instant sans être connecté·e.');
      return this.me();
    } finally {
      this.loaded.set(true);
    }
  }

  /** Throws the HTTP error of a refused login (see `loginErrorMessage`). */
  async login(email: string, password: string): Promise<Me> {
    const me = await firstValueFrom(this.api.login({ email: email.trim(), password }));
    this.me.set(me);
    return me;
  }

  /** Someone became logged in by another way (accepted invitation). */
  signedIn(me: Me): void {
    this.me.set(me);
  }

  async logout(everywhere = false): Promise<void> {
    try {
      await firstValueFrom(everywhere ? this.api.logoutEverywhere() : this.api.logout());
    } finally {
      this.me.set(null);
    }
  }

  /** The server ended the session (expired, logged out elsewhere): forget the person locally. */
  forget(): void {
    this.me.set(null);
  }
}
