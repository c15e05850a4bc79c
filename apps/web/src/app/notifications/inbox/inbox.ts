import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NotificationItem } from '@carnet/contracts';
import { FrDate } from '../../core/format';
import { toUserError } from '../../core/problem';
import { Outcome } from '../../shared/outcome';
import { NotificationsApi } from '../notifications-api';

/** `/notifications`: what happened on the projects one follows, newest first. */
@Component({
  selector: 'app-inbox',
  imports: [RouterLink, FrDate, Outcome],
  template: `
    <h1>Notifications</h1>
    <app-outcome [success]="message()" [error]="error()" />
    @if (items(); as list) {
      <div class="inbox__bar">
        <p>{{ unreadText() }}</p>
        @if (unread() > 0) {
          <button type="button" class="button button--small" [disabled]="pending()" (click)="markAll()">Tout marquer comme lu</button>
        }
      </div>
      @if (list.length === 0) {
        <p class="panel">Aucune notification pour l’instant. Vous serez prévenu ici quand vos projets avancent.</p>
      } @else {
        <ul class="inbox">
          @for (item of list; track item.id) {
            <li class="inbox__item" [class.inbox__item--unread]="!item.read">
              <p class="inbox__project">
                <a [routerLink]="item.link.split('#')[0]" [fragment]="item.link.split('#')[1]" (click)="open(item)">{{ item.projectTitle }}</a>
                <span class="inbox__commune"> ({{ item.communeName }})</span>
              </p>
              <p class="inbox__text">{{ item.text }}</p>
              <p class="inbox__meta">
                <time [attr.datetime]="item.at">{{ item.at | frDate: true }}</time>
                — @if (item.read) {
                  <span>Lue</span>
                } @else {
                  <strong>Non lue</strong>
                }
              </p>
              @if (!item.read) {
                <button type="button" class="button button--small" [disabled]="pending()" (click)="markRead(item)">
                  Marquer comme lue<span class="visually-hidden"> : {{ item.text }} — {{ item.projectTitle }}</span>
                </button>
              }
            </li>
          }
        </ul>
      }
    } @else if (!error()) {
      <p role="status">Chargement des notifications…</p>
    }
  `,
  styles: `
    .inbox {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    .inbox__item {
      background: var(--color-surface);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      padding: 0.75rem 1rem;
    }
    .inbox__item--unread {
      border-left: 6px solid var(--color-primary);
      background: var(--color-primary-soft);
    }
    .inbox__item p {
      margin: 0 0 0.375rem;
    }
    .inbox__project a {
      font-weight: 700;
    }
    .inbox__commune,
    .inbox__meta {
      color: var(--color-muted);
    }
    .inbox__bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    .inbox__bar p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Inbox {
  private readonly api = inject(NotificationsApi);
  protected readonly items = signal<NotificationItem[] | null>(null);
  protected readonly unread = computed(() => (this.items() ?? []).filter((i) => !i.read).length);
  protected readonly unreadText = computed(() => {
    const n = this.unread();
    return n === 0 ? 'Tout est lu.' : n === 1 ? '1 notification non lue.' : `${n} notifications non lues.`;
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items.set((await this.api.inbox()).items);
    } catch (error) {
      this.error.set(`Les notifications n’ont pas pu être chargées. ${toUserError(error).message}`);
    }
  }

  private setRead(id: string | null): void {
    this.items.update((list) => (list ?? []).map((i) => (id === null || i.id === id ? { ...i, read: true } : i)));
  }

  /** Opening a notification reads it; the link takes the person to the project meanwhile. */
  protected open(item: NotificationItem): void {
    if (item.read) return;
    this.setRead(item.id);
    void this.api.markRead(item.id).catch(() => undefined);
  }

  protected async markRead(item: NotificationItem): Promise<void> {
    await this.run(async () => {
      await this.api.markRead(item.id);
      this.setRead(item.id);
      this.message.set('Notification marquée comme lue.');
    });
  }

  protected async markAll(): Promise<void> {
    await this.run(async () => {
      await this.api.markAllRead();
      this.setRead(null);
      this.message.set('Toutes les notifications sont marquées comme lues.');
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.pending.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(`L’opération a échoué. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
