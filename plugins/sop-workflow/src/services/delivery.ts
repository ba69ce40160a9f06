import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { PLUGIN_ID, UID, getService } from '../utils';
import { createEngine, type EngineSettings } from '../delivery/engine';
import { strapiStore } from '../delivery/store';
import type { SopWorkflowConfig } from '../config';

/**
 * Wakes the engine for this instance's own new rows of a channel it delivers, once the transaction that
 * wrote them commits (a wake-up before the commit would find nothing to read), gathering a burst into one
 * round (`delivery.wakeGatherMs`). Rows written by other instances are found by its periodic look.
 */
export function wakeOnNewRows(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [UID.notification],
    async afterCreate(event) {
      const delivery = getService(strapi, 'delivery');
      if (!delivery.handles(String((event.result as { channel?: unknown } | undefined)?.channel))) return;
      const wake = () => getService(strapi, 'delivery').wakeSoon();
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(wake));
      else wake();
    },
  });
}

/**
 * The one owner of the outbox's delivery (see delivery/engine.ts): channels register their senders and
 * fan-outs with it; officers requeue what it gave up on through it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapiStore(strapi);
  const now = () => getService(strapi, 'clock').now();
  const engine = createEngine({
    store,
    now,
    log: strapi.log,
    settings: (): EngineSettings => (strapi.config.get(`plugin::${PLUGIN_ID}`) as SopWorkflowConfig).delivery,
  });

  return {
    ...engine,

    /** An officer's "Kirim ulang": a failed row goes back in the queue with a fresh count of attempts. */
    async retry(documentId: string): Promise<{ documentId: string; status: 'pending' }> {
      const result = await store.requeue(documentId, now());
      if (result.requeued) {
        engine.wake();
        return { documentId, status: 'pending' };
      }
      if (result.status === null) throw new errors.NotFoundError('Notifikasi tidak ditemukan.');
      throw createHttpError(409, 'Hanya notifikasi yang gagal yang dapat dikirim ulang.', { details: { status: result.status } });
    },
  };
};
