import type { NotificationType } from './comments';

/** How a kind of notification reaches a person by mail (docs/decisions/0021-notification-preferences.md). */
export const MAIL_CADENCES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type MailCadence = (typeof MAIL_CADENCES)[number];

/** One kind's channels: shown in the app or not, and how it is mailed. */
export interface NotificationChannels {
  inApp: boolean;
  mail: MailCadence;
}

/** `GET /api/me/notification-preferences`: every kind with its effective channels; `PUT` takes any subset. */
export type NotificationPreferences = Record<NotificationType, NotificationChannels>;

/** Every kind, in the order the preferences page lists them. */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'signature_awaited',
  'charter_version_proposed',
  'charter_in_force',
  'indicator_at_risk',
  'report_due',
  'evaluation_launched',
  'evaluation_closing',
  'action_due',
  'proposal_received',
  'introduction_received',
  'proposal_accepted',
  'proposal_declined',
  'meeting_scheduled',
] as const satisfies readonly NotificationType[];

/** Someone asks something of the person: mailed at once; everything else waits for the daily digest. */
const IMMEDIATE: readonly NotificationType[] = [
  'mention',
  'signature_awaited',
  'evaluation_launched',
  'evaluation_closing',
  'proposal_received',
  'introduction_received',
  'meeting_scheduled',
];

/** The channels of a kind nobody has chosen yet. */
export function defaultChannels(kind: NotificationType): NotificationChannels {
  return { inApp: true, mail: IMMEDIATE.includes(kind) ? 'immediate' : 'daily' };
}
