import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { documentNumber, localDateKey } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

const UID = 'api::issued-document.issued-document';
/** Unambiguous letters and digits (no 0/O, 1/I/L): the id is read off paper and typed. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const ID_LENGTH = 10;
/** Two instances numbering at once: the loser of a unique-index race takes the next number. */
const NUMBER_ATTEMPTS = 5;

export interface IssueRequest {
  title: string;
  periodFrom: string;
  periodTo: string;
  filters: string;
  generatedAt: Date;
  generatedByRole: string;
}

/** What the document prints about itself: its number (when the profile has the codes) and where to verify it. */
export interface Issue {
  verificationId: string;
  number: string | null;
}

export interface IssuedRow extends IssueRequest {
  documentId: string;
  verificationId: string;
  kind: string;
  sha256: string | null;
  number: string | null;
}

export function newVerificationId(): string {
  const bytes = randomBytes(ID_LENGTH);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export const sha256Hex = (file: Buffer): string => createHash('sha256').update(file).digest('hex');

const isUniqueViolation = (error: unknown) => /unique|duplicate/i.test(String((error as Error)?.message ?? '')) || (error as { code?: string })?.code === '23505';

/**
 * The register of issued documents: each generated Rekap Informasi PDF is recorded with its SHA-256, so
 * anyone holding the file can check it against /verifikasi/<id>. The yearly running number (reset each
 * 1 January, by the office's calendar) is unique per year by a database index.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Records the document, lets `render` draw it with its number and id, then keeps the file's hash. */
  async issue(request: IssueRequest, render: (issue: Issue) => Promise<Buffer>): Promise<{ file: Buffer; issue: Issue }> {
    const office = await sop(strapi, 'office').current();
    const { timeZone } = await sop(strapi, 'policy').current();
    const year = Number(localDateKey(request.generatedAt, timeZone).slice(0, 4));
    const numbered = documentNumber(office, 1, year) !== null;
    let row: { documentId: string } | null = null;
    let issue: Issue | null = null;
    for (let attempt = 0; !row; attempt += 1) {
      const last = numbered
        ? ((await strapi.db.query(UID).findOne({ where: { year, serial: { $notNull: true } }, orderBy: { serial: 'desc' }, select: ['serial'] })) as { serial: number } | null)
        : null;
      const serial = numbered ? (last?.serial ?? 0) + 1 : null;
      issue = { verificationId: newVerificationId(), number: serial === null ? null : documentNumber(office, serial, year) };
      try {
        row = (await strapi.documents(UID).create({
          data: { ...request, generatedAt: request.generatedAt.toISOString(), kind: 'recap', year, serial, number: issue.number, verificationId: issue.verificationId } as never,
        })) as { documentId: string };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt + 1 >= NUMBER_ATTEMPTS) throw error;
      }
    }
    try {
      const file = await render(issue!);
      await strapi.db.query(UID).update({ where: { documentId: row.documentId }, data: { sha256: sha256Hex(file) } });
      return { file, issue: issue! };
    } catch (error) {
      // A document that was never handed out leaves no record; its number is free again.
      await strapi.db.query(UID).delete({ where: { documentId: row.documentId } });
      throw error;
    }
  },

  async byVerificationId(verificationId: string): Promise<IssuedRow | null> {
    return (await strapi.db.query(UID).findOne({ where: { verificationId } })) as IssuedRow | null;
  },
});
