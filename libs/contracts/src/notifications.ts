/** How a person wants to be told by e-mail (issue #4): one e-mail per notification, one a day, or none. */
export type EmailMode = 'immediate' | 'daily_digest' | 'none';

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  immediate: 'Un e-mail à chaque notification',
  daily_digest: 'Un récapitulatif par jour (le matin)',
  none: 'Aucun e-mail (notifications sur le site seulement)',
};

/** One notification of the inbox. Names are resolved at read time; nothing personal is stored with it. */
export interface NotificationItem {
  id: string;
  /** Position in the event log: newer notifications have a larger one. */
  position: number;
  at: string;
  projectId: string;
  projectTitle: string;
  communeName: string;
  /** The French one-line text, e.g. « Sophie Bernard a répondu à une question. » */
  text: string;
  /** Link inside the web app, e.g. `/projets/<id>`. */
  link: string;
  read: boolean;
}

/** `GET /api/notifications`. */
export interface NotificationInbox {
  items: NotificationItem[];
  unread: number;
}

/** `GET /api/notifications/unread-count`. */
export interface UnreadCount {
  unread: number;
}

/** `GET|PUT|DELETE /api/projects/:id/follow`. */
export interface FollowState {
  following: boolean;
  /** True when the person follows (or would follow) the project by default, from their role. */
  byDefault: boolean;
}

/** `GET|PUT /api/me/notification-settings`. */
export interface NotificationSettingsView {
  emailMode: EmailMode;
  /** The mode used when the person never chose one. */
  defaultEmailMode: EmailMode;
}

export interface NotificationSettingsRequest {
  emailMode: EmailMode;
}
