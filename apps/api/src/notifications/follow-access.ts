import type { Actor } from '@carnet/domain';
import { projectNotFound } from '../projects/project-access.js';
import { NotificationCenter } from './notification-center.js';
import { canFollow } from './notification-rules.js';
import { recipientOf } from './notification-center.js';
import type { NotificationFeedDoc } from './projections/notification-feed.projection.js';

/** The project's feed if this person may follow it (see its follow-up), else the 404 of a project they may not know of. */
export async function followableFeed(center: NotificationCenter, actor: Actor, projectId: string): Promise<NotificationFeedDoc> {
  const feed = await center.feed(projectId);
  if (!feed || !canFollow(recipientOf(actor, undefined), feed)) throw projectNotFound(projectId);
  return feed;
}
