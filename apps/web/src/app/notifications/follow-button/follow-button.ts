import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { FollowState } from '@carnet/contracts';
import { toUserError } from '../../core/problem';
import { NotificationsApi } from '../notifications-api';

/** « Suivre ce projet » / « Ne plus suivre »: whether the person gets this project's notifications. */
@Component({
  selector: 'app-follow-button',
  template: `
    @if (state(); as s) {
      <div class="follow">
        <!-- The button says what it does; the line under it says where things stand (a label that changed with aria-pressed mixed both). -->
        <button type="button" class="button button--small" [disabled]="pending()" (click)="toggle(s)">
          {{ s.following ? 'Ne plus suivre ce projet' : 'Suivre ce projet' }}
        </button>
        <p class="hint" role="status">
          {{ s.following ? 'Vous recevez les notifications de ce projet.' : 'Vous ne recevez pas les notifications de ce projet.' }}
        </p>
        @if (error(); as e) {
          <p class="alert alert--error" role="alert">{{ e }}</p>
        }
      </div>
    }
  `,
  styles: `
    .follow {
      margin: 0.5rem 0 0;
    }
    .follow .hint {
      margin: 0.25rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowButton {
  private readonly api = inject(NotificationsApi);
  readonly projectId = input.required<string>();
  protected readonly state = signal<FollowState | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.projectId();
      this.state.set(null);
      // Not shown to whoever may not follow the project (a visitor, another commune on a published project).
      this.api.followState(id).then(
        (s) => this.state.set(s),
        () => this.state.set(null),
      );
    });
  }

  protected async toggle(current: FollowState): Promise<void> {
    this.pending.set(true);
    this.error.set(null);
    try {
      this.state.set(await this.api.setFollow(this.projectId(), !current.following));
    } catch (error) {
      this.error.set(`Le suivi n’a pas pu être modifié. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
