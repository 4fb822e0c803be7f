import type { Notification } from '@alliances/shared/contracts';

/** The translation key and parameters that say what a notification is about. */
export function notificationText(n: Notification): { key: string; params: Record<string, string> } {
  return { key: `comments.notifications.type.${n.type}`, params: { actor: n.actorName ?? '' } };
}
