import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ChangeNotificationSettingsHttpController } from './commands/change-notification-settings/change-notification-settings.http.controller.js';
import { FollowProjectHttpController } from './commands/follow-project/follow-project.http.controller.js';
import { MarkAllNotificationsReadHttpController } from './commands/mark-all-notifications-read/mark-all-notifications-read.http.controller.js';
import { MarkNotificationReadHttpController } from './commands/mark-notification-read/mark-notification-read.http.controller.js';
import { DigestScheduler } from './digest-scheduler.js';
import { ImmediateNotifier } from './immediate-notifier.js';
import { NotificationCenter } from './notification-center.js';
import { GetFollowStateHttpController } from './queries/get-follow-state/get-follow-state.http.controller.js';
import { GetNotificationSettingsHttpController } from './queries/get-notification-settings/get-notification-settings.http.controller.js';
import { ListNotificationsHttpController } from './queries/list-notifications/list-notifications.http.controller.js';

/** Notifications (ADR 0012): the inbox, follows, e-mail preferences, immediate e-mails and daily digests. */
@Module({
  imports: [CommunesModule, IdentityModule],
  controllers: [
    ListNotificationsHttpController,
    MarkAllNotificationsReadHttpController,
    MarkNotificationReadHttpController,
    GetFollowStateHttpController,
    FollowProjectHttpController,
    GetNotificationSettingsHttpController,
    ChangeNotificationSettingsHttpController,
  ],
  providers: [NotificationCenter, ImmediateNotifier, DigestScheduler],
})
export class NotificationsModule {}
