/** Every kind of entry of an inquiry's timeline: the schema's enumeration, the workflow and the catalogue read this list. */
export const EVENT_TYPES = [
  'created',
  'triaged',
  'coordinated',
  'answered',
  'closed',
  'rejected',
  'reopened',
  'breached',
  'reminded',
  'notified',
  'edited',
  'note',
  'acknowledged',
  'answer_delivered',
  'answer_failed',
  'message_received',
  'message_sent',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event types a citizen sees on the tracking page; internal coordination stays internal. */
export const PUBLIC_EVENT_TYPES: readonly EventType[] = ['created', 'triaged', 'coordinated', 'answered', 'answer_delivered', 'closed', 'rejected'];
