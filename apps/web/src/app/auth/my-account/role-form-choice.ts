import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ROLE_FORMS, roleLabel, type Me, type RoleForm } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../../core/problem';
import { SessionStore } from '../../core/session';
import { Outcome } from '../../shared/outcome';

/**
 * In « Mon compte »: how the person wants their role written next to their name everywhere
 * (« Administrateur » or « Administratrice »…). Not shown for roles with one form (« Maire »).
 */
@Component({
  selector: 'app-role-form-choice',
  imports: [Outcome],
  template: `
    @if (options().length > 1) {
      <section class="panel" aria-labelledby="role-form-title">
        <h2 id="role-form-title">Votre fonction</h2>
        <form (submit)="save($event)">
          <fieldset class="fieldset">
            <legend>Comment écrire votre fonction à côté de votre nom ?</legend>
            @for (o of options(); track o.form) {
              <div class="radio">
                <input type="radio" name="roleForm" [id]="'role-form-' + o.form" [value]="o.form" [checked]="chosen() === o.form" (change)="chosen.set(o.form)" />
                <label [for]="'role-form-' + o.form">{{ o.label }}</label>
              </div>
            }
          </fieldset>
          <p class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="pending() || !chosen() || chosen() === current()">Enregistrer</button>
          </p>
        </form>
        <app-outcome [success]="message()" [error]="error()" />
      </section>
    }
  `,
  styles: `
    legend {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .radio {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
    }
    .radio input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleFormChoice {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  protected readonly current = computed(() => this.session.me()?.roleForm ?? null);
  /** The two ways of writing the person's role, when they differ. */
  protected readonly options = computed(() => {
    const role = this.session.me()?.role;
    if (!role) return [];
    const options = ROLE_FORMS.map((form) => ({ form, label: roleLabel(role, form) }));
    return options[0].label === options[1].label ? [] : options;
  });
  protected readonly chosen = signal<RoleForm | null>(this.session.me()?.roleForm ?? null);
  protected readonly pending = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const roleForm = this.chosen();
    if (!roleForm) return;
    this.pending.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      const me = await firstValueFrom(this.http.put<Me>('/api/me/role-form', { roleForm }));
      this.session.signedIn(me);
      this.message.set(`C’est enregistré : « ${roleLabel(me.role, me.roleForm)} » s’affiche désormais à côté de votre nom.`);
    } catch (error) {
      this.error.set(`Votre choix n’a pas pu être enregistré. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
