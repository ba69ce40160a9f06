import type { Core } from '@strapi/strapi';
import { OPEN_STATUSES, type Channel } from '@layanan/config';
import { UID, getService } from '../utils';
import { SYSTEM } from './actor';

const BATCH = 200;

interface Due {
  id: number;
  documentId: string;
  code: string;
  channel: Channel;
  replyWindowUntil: string | null;
  replyWindowReminderAt: string;
}

/**
 * A chat medium (WhatsApp, Messenger, Instagram) carries a free-form answer only inside its reply window.
 * Whoever opens or extends a window sets `replyWindowReminderAt` with it (config's replyWindowReminderAt); the sweep past
 * that time tells the officers once, on Telegram, while the request still waits for its answer. The mark is a
 * conditional UPDATE (still that time, still open), so of two instances exactly one clears it, and only that
 * one writes the event and the outbox row, in the same transaction. A window that shut before any sweep saw
 * it (the server was down) is cleared without an alert: the board already shows it shut.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.inquiry);

  return {
    async remind(at: Date): Promise<number> {
      const due = (await query().findMany({
        where: { status: { $in: [...OPEN_STATUSES] }, replyWindowReminderAt: { $lt: at } },
        select: ['id', 'documentId', 'code', 'channel', 'replyWindowUntil', 'replyWindowReminderAt'],
        orderBy: { replyWindowReminderAt: 'asc' },
        limit: BATCH,
      })) as Due[];
      let sent = 0;
      for (const row of due) {
        const until = row.replyWindowUntil ? new Date(row.replyWindowUntil) : null;
        const won = await strapi.db.transaction(async () => {
          const { count } = await query().updateMany({
            where: { id: row.id, status: { $in: [...OPEN_STATUSES] }, replyWindowReminderAt: row.replyWindowReminderAt },
            data: { replyWindowReminderAt: null },
          });
          if (count !== 1 || !until || until.getTime() <= at.getTime()) return false;
          await getService(strapi, 'events').record({ inquiryId: row.id, type: 'window_closing', actor: SYSTEM, at, detail: { channel: row.channel, until: until.toISOString() } });
          await getService(strapi, 'outbox').enqueue({
            channel: 'staff',
            topic: 'inquiry.window_closing',
            idempotencyKey: `window:${row.documentId}:${until.getTime()}`,
            inquiryId: row.id,
            payload: { inquiry: row.documentId, code: row.code, channel: row.channel, dueAt: until.toISOString() },
            at,
          });
          return true;
        });
        if (won) sent += 1;
      }
      return sent;
    },
  };
};
