import { STATUS_LABELS, totalBudgetMinutes, type Kind, type Status } from '@layanan/config';
import { durationText, type ReceiptPolicy } from '../email/compose';

/**
 * The receipt, the answer and the officer's messages as a chat message (WhatsApp, Messenger, Instagram):
 * short lines a citizen reads on a phone, the code first, the tracking link on a line of its own so the app
 * makes it a link. The same facts as the e-mail receipt, in the chat's register.
 */

export interface ChatContext {
  code: string;
  kind: Kind;
  /** The medium's name as the citizen knows it ("WhatsApp"): where the answer will come. */
  medium: string;
  office: string;
}

const request = (kind: Kind) => (kind === 'complaint' ? 'pengaduan' : 'permohonan informasi');
const LIMIT = 4096;
const clip = (text: string) => (text.length <= LIMIT ? text : `${text.slice(0, LIMIT - 1)}…`);

export function receiptText(ctx: ChatContext, receipt: { status: Status; trackingUrl: string | null; policy: ReceiptPolicy; privacyUrl: string }): string {
  const { policy } = receipt;
  const clock = policy.clockMode === 'working' ? ' jam kerja' : '';
  const untilAnswer = totalBudgetMinutes(policy);
  return clip(
    [
      `Terima kasih, ${request(ctx.kind)} Anda sudah kami terima dengan kode *${ctx.code}* (status: ${STATUS_LABELS[receipt.status].id}).`,
      `Petugas meneruskannya ke bidang terkait dalam ${durationText(policy.triageMinutes)}${clock}; jawaban kami kirim lewat ${ctx.medium} ini paling lambat ${durationText(untilAnswer)}${clock} sejak diterima.${policy.clockMode === 'working' ? ' Pesan di luar jam kerja diproses pada jam kerja berikutnya.' : ''}`,
      ...(receipt.trackingUrl ? ['Pantau status dan jawabannya (tautan khusus Anda, mohon tidak dibagikan):', receipt.trackingUrl] : []),
      'Untuk menambah keterangan, cukup balas pesan ini.',
      `Data pribadi Anda hanya dipakai untuk menjawab ${request(ctx.kind)} ini. Selengkapnya: ${receipt.privacyUrl}`,
      `— ${ctx.office}`,
    ].join('\n\n'),
  );
}

export function answerText(ctx: ChatContext, answer: { text: string }): string {
  return clip([`Jawaban atas ${request(ctx.kind)} *${ctx.code}*:`, answer.text.trim(), 'Bila masih ada yang ingin ditanyakan, silakan balas pesan ini.', `— ${ctx.office}`].join('\n\n'));
}

export function messageText(ctx: ChatContext, message: { text: string }): string {
  return clip([`Terkait ${request(ctx.kind)} *${ctx.code}*:`, message.text.trim(), `— ${ctx.office}`].join('\n\n'));
}
