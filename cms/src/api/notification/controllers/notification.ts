import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { maskEmail, maskPhone, redactFreeText, type FailedNotification } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import type { ChannelStatus } from '@layanan/channels';

const UID = 'api::notification.notification';
const MAX_PAGE_SIZE = 100;

type Context = Parameters<Core.ControllerHandler>[0];

/** A citizen's address is personal data even here; a staff chat id is not. */
function maskRecipient(recipient: string | null): string | null {
  if (!recipient) return recipient;
  if (recipient.includes('@')) return maskEmail(recipient);
  if (/^\+?\d{9,15}$/.test(recipient.replace(/[\s-]/g, ''))) return maskPhone(recipient);
  return recipient;
}

function positiveInt(value: unknown, fallback: number, label: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new errors.ValidationError(`${label} harus bilangan bulat positif.`);
  return parsed;
}

/** Messages the outbox gave up on: officers see them, and may send one again once they know it is safe. */
/** The channels whose state is `mati`, as the channels plugin keeps it; none when that plugin is off. */
async function channelsDown(strapi: Core.Strapi): Promise<{ channel: string; since: string | null; cause: string | null }[]> {
  const states = (await strapi.plugin('channels')?.service('channelHealth').list()) as ChannelStatus[] | undefined;
  return (states ?? []).filter((item) => item.state === 'mati').map((item) => ({ channel: item.channel, since: item.since, cause: item.lastError }));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async failed(ctx: Context) {
    const pagination = (ctx.query.pagination ?? {}) as Record<string, unknown>;
    const page = positiveInt(pagination.page, 1, 'pagination[page]');
    const pageSize = Math.min(MAX_PAGE_SIZE, positiveInt(pagination.pageSize, 25, 'pagination[pageSize]'));
    const where = { status: 'failed' };
    const [rows, total] = await Promise.all([
      strapi.db.query(UID).findMany({
        where,
        select: ['documentId', 'channel', 'topic', 'recipient', 'attempts', 'lastError', 'updatedAt'],
        populate: { inquiry: { select: ['documentId', 'code'] } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<FailedNotification[]>,
      strapi.db.query(UID).count({ where }),
    ]);
    return {
      data: rows.map((row) => ({ ...row, recipient: maskRecipient(row.recipient), lastError: row.lastError && redactFreeText(row.lastError) })),
      meta: {
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        // Channels held as a whole (refused credentials, a service down): their messages wait, nothing is lost.
        troubles: sop(strapi, 'delivery').troubles().map((t) => ({ ...t, since: t.since.toISOString(), cause: redactFreeText(t.cause) })),
        // Channels that cannot bring requests in or answers out (Pengaturan → Kanal): the board's red strip.
        channelsDown: await channelsDown(strapi),
      },
    };
  },

  async retry(ctx: Context) {
    return { data: await sop(strapi, 'delivery').retry(ctx.params.id) };
  },
});
