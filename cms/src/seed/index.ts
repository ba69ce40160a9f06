import type { Core } from '@strapi/strapi';
import { getService as sop } from '@layanan/sop-workflow';
import { DEMO_ACCOUNTS, ensureEditorRole, seedAdminAccounts, seedStaffAccounts } from './accounts';
import { seedDemoInquiries } from './demo-inquiries';
import { settleDemoOutbox } from './demo-delivery';
import { seedDemoSurveys } from './demo-surveys';
import { applyEditorViews } from './editor-views';
import { labelComponents } from './component-views';
import { syncPermissions } from './permissions';
import { seedFaq, seedReference } from './reference';

export function demoDataWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.DEMO_DATA !== undefined) return env.DEMO_DATA === 'true';
  return env.NODE_ENV !== 'production';
}

interface UserRow {
  id: number;
  email: string;
  fullName: string | null;
  division: { id: number; documentId: string; code: string } | null;
}

async function demoStaff(strapi: Core.Strapi) {
  const rows = (await strapi.db.query('plugin::users-permissions.user').findMany({
    where: { email: { $in: DEMO_ACCOUNTS.map((a) => a.email) } },
    populate: { division: { select: ['id', 'documentId', 'code'] } },
  })) as UserRow[];
  const byEmail = (email: string) => rows.find((r) => r.email === email)!;
  const actor = (row: UserRow, role: 'officer' | 'division_staff') => ({
    type: 'user' as const,
    id: row.id,
    name: row.fullName ?? row.email,
    role,
    divisionId: row.division?.id,
  });
  const officer = byEmail('petugas@demo.local');
  const divisions = Object.fromEntries(
    ['dafduk@demo.local', 'capil@demo.local'].map((email) => {
      const row = byEmail(email);
      return [row.division!.code, { documentId: row.division!.documentId, actor: actor(row, 'division_staff') }];
    }),
  );
  return { officer: actor(officer, 'officer'), divisions };
}

/**
 * Runs at every start. Roles, permissions, the editors' views, the Bidang, the SOP policy and the holidays
 * are the office's reference data; accounts, FAQ and inquiries are demo data, made once on an empty database.
 */
export async function seed(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await seedReference(strapi);
  await labelComponents(strapi);
  await syncPermissions(strapi);
  await ensureEditorRole(strapi);
  await applyEditorViews(strapi);
  if (!demoDataWanted(env)) return;
  await seedFaq(strapi);
  await seedStaffAccounts(strapi);
  await seedAdminAccounts(strapi);
  if ((await strapi.db.query('api::inquiry.inquiry').count({})) > 0) return;
  const count = Number(env.DEMO_INQUIRIES ?? 300);
  const startedAt = Date.now();
  const firstNotification = ((await strapi.db.query('api::notification.notification').findOne({ orderBy: { id: 'desc' }, select: ['id'] })) as { id: number } | null)?.id ?? 0;
  const now = sop(strapi, 'clock').now();
  // The history is written as it happened, each message routed at its own time; the running engine would
  // route it at whatever time it looked, racing the history on PostgreSQL, so it waits until the end.
  const delivery = sop(strapi, 'delivery');
  await delivery.stop();
  let rated: number;
  try {
    const answered = await seedDemoInquiries(strapi, await demoStaff(strapi), count, now);
    rated = await seedDemoSurveys(strapi, answered, now);
    await sop(strapi, 'sweep').run();
    await settleDemoOutbox(strapi, firstNotification, now);
  } finally {
    delivery.start();
  }
  strapi.log.info(`[seed] ${count} demo inquiries, ${rated} rated in the SKM, in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
