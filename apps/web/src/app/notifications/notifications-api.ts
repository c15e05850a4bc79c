import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { EmailMode, FollowState, NotificationInbox, NotificationSettingsView, UnreadCount } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';

/** The notification endpoints (ADR 0012) and the unread count shown in the header. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  /** Unread notifications of the logged-in person; null until known. */
  readonly unread = signal<number | null>(null);

  async inbox(): Promise<NotificationInbox> {
    const inbox = await firstValueFrom(this.http.get<NotificationInbox>('/api/notifications'));
    this.unread.set(inbox.unread);
    return inbox;
  }

  async refreshUnread(): Promise<void> {
    try {
      this.unread.set((await firstValueFrom(this.http.get<UnreadCount>('/api/notifications/unread-count'))).unread);
    } catch {
      this.unread.set(null); // the badge is a convenience: an error leaves it out rather than wrong
    }
  }

  async markRead(id: string): Promise<void> {
    await firstValueFrom(this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, {}));
    await this.refreshUnread();
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/notifications/read-all', {}));
    this.unread.set(0);
  }

  followState(projectId: string): Promise<FollowState> {
    return firstValueFrom(this.http.get<FollowState>(`/api/projects/${projectId}/follow`));
  }

  setFollow(projectId: string, following: boolean): Promise<FollowState> {
    const url = `/api/projects/${projectId}/follow`;
    return firstValueFrom(following ? this.http.put<FollowState>(url, {}) : this.http.delete<FollowState>(url));
  }

  settings(): Promise<NotificationSettingsView> {
    return firstValueFrom(this.http.get<NotificationSettingsView>('/api/me/notification-settings'));
  }

  setEmailMode(emailMode: EmailMode): Promise<NotificationSettingsView> {
    return firstValueFrom(this.http.put<NotificationSettingsView>('/api/me/notification-settings', { emailMode }));
  }
}
