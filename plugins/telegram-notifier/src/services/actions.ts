import type { Core } from '@strapi/strapi';
import { STATUS_LABELS, OPEN_STATUSES, type Status } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { UID, getService, now } from '../utils';
import type { StaffMember } from './links';
import { formatWib } from './messages';

/** The route permission behind both actions: acknowledging or informing is what "coordinate" allows. */
export const COORDINATE_PERMISSION = 'api::inquiry.inquiry.coordinate';
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;

export type ActionResult = { ok: true; code: string; message: string; at?: Date } | { ok: false; message: string };

interface WorkflowError {
  name?: string;
  status?: number;
  message: string;
}

/** The same words the dashboard's validation uses for the division's information. */
export function informationProblem(text: string): string | null {
  const value = text.trim();
  if (value.length < 3) return 'Informasi dari bidang minimal 3 karakter.';
  if (value.length > 10000) return 'Informasi dari bidang maksimal 10000 karakter.';
  if (MARKUP.test(value)) return 'Informasi dari bidang tidak boleh berisi kode HTML.';
  return null;
}

/**
 * What staff do from Telegram goes through the workflow as the dashboard's requests do: the same actor
 * (role and Bidang), the same route permission, the same division check and state machine. Every refusal
 * comes back as a polite sentence for the chat.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => getService(strapi, 'links');

  function refusal(error: WorkflowError, code: string): ActionResult {
    if (error.name === 'NotFoundError') return { ok: false, message: `Permohonan ${code} tidak ditemukan.` };
    if (error.name === 'ForbiddenError') return { ok: false, message: `Maaf, permohonan ${code} bukan untuk bidang Anda, jadi tidak dapat Anda tangani dari sini.` };
    if (error.status === 409 || error.name === 'ValidationError') return { ok: false, message: error.message };
    strapi.log.error(`[telegram] action on ${code} failed: ${error.message}`);
    return { ok: false, message: 'Maaf, terjadi gangguan saat mencatat. Silakan coba lagi atau gunakan dasbor.' };
  }

  async function codeOf(documentId: string): Promise<string | null> {
    const row = (await strapi.db.query(UID.inquiry).findOne({ where: { documentId }, select: ['code'] })) as { code: string } | null;
    return row?.code ?? null;
  }

  return {
    async documentIdOfCode(code: string): Promise<string | null> {
      const row = (await strapi.db.query(UID.inquiry).findOne({ where: { code: code.trim().toUpperCase() }, select: ['documentId'] })) as { documentId: string } | null;
      return row?.documentId ?? null;
    },

    /** The division's information (SOP step 3), given from Telegram. */
    async coordinate(member: StaffMember, documentId: string, information: string): Promise<ActionResult> {
      const code = (await codeOf(documentId)) ?? documentId;
      if (!(await links().mayCall(member, COORDINATE_PERMISSION))) {
        return { ok: false, message: 'Maaf, peran Anda tidak dapat memberikan informasi bidang.' };
      }
      const problem = informationProblem(information);
      if (problem) return { ok: false, message: problem };
      try {
        await sop(strapi, 'workflow').coordinate(documentId, { information: information.trim() }, links().actorOf(member));
      } catch (error) {
        return refusal(error as WorkflowError, code);
      }
      return { ok: true, code, message: `Terima kasih, ${member.name}. Informasi bidang untuk ${code} sudah tercatat; petugas akan meneruskan jawabannya kepada pemohon.` };
    },

    /** "Terima": the staff member takes the request; recorded once per person as an event in the timeline. */
    async acknowledge(member: StaffMember, documentId: string): Promise<ActionResult> {
      const code = (await codeOf(documentId)) ?? documentId;
      if (!(await links().mayCall(member, COORDINATE_PERMISSION))) {
        return { ok: false, message: 'Maaf, peran Anda tidak dapat menangani permohonan.' };
      }
      const workflow = sop(strapi, 'workflow');
      const actor = links().actorOf(member);
      try {
        const row = await workflow.load(documentId);
        workflow.assertDivisionAccess(actor, row);
        if (!OPEN_STATUSES.includes(row.status)) {
          return { ok: false, message: `Permohonan ${code} sudah berstatus "${STATUS_LABELS[row.status as Status].id}"; tidak perlu diterima lagi.` };
        }
        const earlier = (await strapi.db.query('api::inquiry-event.inquiry-event').findOne({
          where: { inquiry: { id: row.id }, type: 'acknowledged', actor: { id: member.id } },
          select: ['at'],
        })) as { at: string } | null;
        if (earlier) return { ok: true, code, message: `Anda sudah menerima ${code} pada ${formatWib(earlier.at)}.`, at: new Date(earlier.at) };
        const at = now(strapi);
        await sop(strapi, 'events').record({ inquiryId: row.id, type: 'acknowledged', actor, at, detail: { via: 'telegram', status: row.status } });
        return { ok: true, code, message: `Tercatat: Anda menerima ${code}.`, at };
      } catch (error) {
        return refusal(error as WorkflowError, code);
      }
    },
  };
};
