import type { Core } from '@strapi/strapi';
import type { RoleType } from '@layanan/config';
import type { TestApp } from './strapi';

export interface Staff {
  id: number;
  jwt: string;
  auth: { Authorization: string };
}

let sequence = 0;

/** A signed-in staff account of the given role (and Bidang, for division staff). */
export async function createStaff(app: TestApp, role: Exclude<RoleType, 'public'>, division?: 'DAFDUK' | 'CAPIL'): Promise<Staff> {
  const { strapi } = app;
  sequence += 1;
  const roleRow = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
  const divisionRow = division ? await strapi.db.query('api::division.division').findOne({ where: { code: division } }) : null;
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: `${role}-${sequence}-${Date.now()}`,
    email: `${role}-${sequence}-${Date.now()}@test.local`,
    password: 'Rahasia-2026!',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: roleRow.id,
    fullName: `${role} ${sequence}`,
    division: divisionRow?.id ?? null,
  });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) as string;
  return { id: user.id, jwt, auth: { Authorization: `Bearer ${jwt}` } };
}

export async function divisionId(strapi: Core.Strapi, code: 'DAFDUK' | 'CAPIL'): Promise<string> {
  const row = await strapi.db.query('api::division.division').findOne({ where: { code }, select: ['documentId'] });
  return row.documentId as string;
}

/** The body of a citizen's request from the public form. */
export function buildPublicInquiry(overrides: Record<string, unknown> = {}) {
  return {
    data: {
      kind: 'information',
      subject: 'Syarat membuat KTP-el baru',
      message: 'Selamat pagi, apa saja syarat membuat KTP-el untuk anak saya yang baru berusia 17 tahun?',
      serviceCategory: 'ktp_el',
      applicant: { name: 'Siti Aminah', email: 'siti.aminah@contoh.id', phone: '081234567890' },
      ...overrides,
    },
  };
}

/** The body of a request an officer records (walk-in, telephone, LAPOR! …). */
export function buildOfficerInquiry(overrides: Record<string, unknown> = {}) {
  return {
    data: {
      kind: 'complaint',
      channel: 'walk_in',
      subject: 'KTP-el belum jadi',
      message: 'Pemohon datang menanyakan KTP-el yang direkam tiga minggu lalu dan belum dicetak.',
      serviceCategory: 'ktp_el',
      applicant: { name: 'Budi Santoso', nik: '3574011203900002', phone: '+6281298765432' },
      ...overrides,
    },
  };
}

/** Every row count a malformed request must leave unchanged. */
export async function countRows(strapi: Core.Strapi): Promise<Record<string, number>> {
  const uids = ['api::inquiry.inquiry', 'api::inquiry-event.inquiry-event', 'api::notification.notification'] as const;
  const counts = await Promise.all(uids.map((uid) => strapi.db.query(uid).count({})));
  return Object.fromEntries(uids.map((uid, i) => [uid, counts[i]]));
}
