import { maskNik } from '@layanan/config';

/** Sixteen digits in a row: a NIK (or a KK number), which a follow-up never shows. */
const NIK_IN_TEXT = /(?<!\d)\d{16}(?!\d)/g;

export interface FollowUpInput {
  trackingId: string;
  /** The reporter as the request names them; LAPOR!'s word for a withheld reporter is no name to greet. */
  reporter: string | null;
  answer: string;
  officeName: string;
}

/**
 * The follow-up (tindak lanjut) as LAPOR! shows it to the reporter and, unless the report is confidential,
 * to the public: a greeting, the answer, the Dinas' name. A NIK in the answer is masked.
 */
export function followUpText({ trackingId, reporter, answer, officeName }: FollowUpInput): string {
  const named = reporter && !reporter.includes('SP4N-LAPOR!') ? reporter.trim() : null;
  return [
    named ? `Yth. Bapak/Ibu ${named},` : 'Yth. Pelapor,',
    '',
    `Terima kasih atas laporan Saudara melalui SP4N-LAPOR! nomor ${trackingId}. Berikut tindak lanjut kami:`,
    '',
    answer.trim().replace(NIK_IN_TEXT, (nik) => maskNik(nik)),
    '',
    'Hormat kami,',
    officeName,
  ].join('\n');
}
