import type { Core } from '@strapi/strapi';
import { UID } from '../utils';
import { insertRows, type Model } from '../rows';
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

  /**
   * What the citizen's tracking page shows: the public events of one request, oldest first. Read from the
   * request's links to its events, so that the planner cannot walk every event in time order instead.
   */
  async publicTimeline(inquiryId: number): Promise<{ type: EventType; at: string }[]> {
    const model = strapi.db.metadata.get(UID.event as never) as unknown as Model;
    const link = model.attributes.inquiry.joinTable!;
    const column = (field: string) => `e.${model.attributes[field]?.columnName ?? field}`;
    const rows = (await strapi.db
      .connection({ l: link.name })
      .join({ e: model.tableName }, 'e.id', `l.${link.joinColumn.name}`)
      .where(`l.${link.inverseJoinColumn.name}`, inquiryId)
      .andWhere(column('public'), true)
      .orderBy([{ column: column('at') }, { column: 'e.id' }])
      .select({ type: column('type'), at: column('at') })) as { type: EventType; at: string | number | Date }[];
    return rows.map((row) => ({ type: row.type, at: new Date(row.at).toISOString() }));
  },
});
