import type { Core } from '@strapi/strapi';
import { UID } from '../utils';
import { insertRows } from '../rows';
import type { Actor } from './actor';
import { PUBLIC_EVENT_TYPES, type EventType } from '@layanan/config';

export type { EventType };

const PUBLIC_TYPES: ReadonlySet<EventType> = new Set(PUBLIC_EVENT_TYPES);

export interface EventInput {
  inquiryId: number;
  type: EventType;
  actor: Actor;
  at: Date;
  detail?: Record<string, unknown>;
}

/**
 * Events are written inside the caller's transaction: the audit row and the change it records commit
 * together. The document service refuses any other write to them.
 */
const rowOf = ({ inquiryId, type, actor, at, detail }: EventInput) => ({
  inquiry: inquiryId,
  type,
  actorType: actor.type,
  actor: actor.type === 'user' ? actor.id : null,
  actorName: actor.name ?? null,
  at,
  detail: detail ?? null,
  public: PUBLIC_TYPES.has(type),
});

/**
 * Events are written inside the caller's transaction: the audit row and the change it records commit
 * together. The document service refuses any other write to them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(event: EventInput): Promise<void> {
    await insertRows(strapi, UID.event, [rowOf(event)]);
  },

  /** Many events in a few statements (the sweep's breaches), in the caller's transaction. */
  async recordMany(events: readonly EventInput[]): Promise<void> {
    if (events.length) await insertRows(strapi, UID.event, events.map(rowOf));
  },
});
