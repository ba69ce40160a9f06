import type { Core } from '@strapi/strapi';
import { SITE_PAGES, officeFullName } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

export interface StaffAddressee {
  email: string;
  fullName: string | null;
  username: string;
}

const escape = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** The link to the page where a staff member sets a password with a mailed code. */
export function passwordLink(strapi: Core.Strapi, code: string): string {
  return `${String(strapi.config.get('server.url')).replace(/\/+$/, '')}${SITE_PAGES.resetPassword}?code=${code}`;
}

/**
 * A mail to one staff member through the Dinas' SMTP (Strapi's e-mail plugin): a greeting, the paragraphs,
 * the link on its own line, and the office's signature (from the Profil Dinas); the same text as HTML.
 */
export async function sendStaffMail(strapi: Core.Strapi, to: StaffAddressee, subject: string, paragraphs: string[], link: string): Promise<void> {
  const office = officeFullName(await sop(strapi, 'office').current());
  const [first, ...rest] = paragraphs;
  const lines = [`Yth. ${to.fullName || to.username},`, first, link, ...rest, ['Layanan Informasi', office].filter(Boolean).join('\n')];
  const html = lines.map((line) => (line === link ? `<p><a href="${link}">${link}</a></p>` : `<p>${escape(line)}</p>`)).join('\n');
  await strapi.plugin('email').service('email').send({ to: to.email, subject, text: lines.join('\n\n'), html });
}
