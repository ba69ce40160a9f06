import { DEFAULT_SOP_POLICY, type Kind, type LaporStatus, type ServiceCategory } from '@layanan/config';
import type { LaporReport } from './adapter';
import type { ParsedReport } from './parse';

/** The officer's intake of a LAPOR! report, filled in from it: what the quick-intake form shows for review. */
export interface LaporDraft {
  kind: Kind;
  channel: 'lapor_sp4n';
  subject: string;
  message: string;
  serviceCategory: ServiceCategory;
  applicant: { name: string; email?: string; phone?: string };
  externalRef: string;
  notes: string;
  /** What LAPOR! showed for the report, when the copy or the file names it. */
  laporStatus?: LaporStatus;
}

/** Who the request is from when LAPOR! withholds the reporter: the answer can only go back through LAPOR!. */
export const ANONYMOUS_REPORTER = 'Pelapor anonim (SP4N-LAPOR!)';
export const CONFIDENTIAL_REPORTER = 'Pelapor dirahasiakan (SP4N-LAPOR!)';

const wib = new Intl.DateTimeFormat('id-ID', { timeZone: DEFAULT_SOP_POLICY.timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "12 Januari 2026 10.15 WIB". */
export const formatWibLong = (at: Date) => `${wib.format(at).replace(' pukul ', ' ').replace(/(\d{2})[.:](\d{2})$/, '$1.$2')} WIB`;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function draftOf(report: LaporReport & Partial<Pick<ParsedReport, 'kind' | 'serviceCategory'>>): LaporDraft {
  const firstLine = report.content.split('\n')[0] ?? '';
  const subject = clip(report.title ?? firstLine, 200);
  const facts = [
    report.reportedAt ? `Dilaporkan di SP4N-LAPOR! ${formatWibLong(report.reportedAt)}` : 'Dari SP4N-LAPOR!',
    report.dispositionAt ? `diteruskan ke Dinas ${formatWibLong(report.dispositionAt)}` : null,
    report.category ? `kategori ${report.category}` : null,
    report.location ? `lokasi ${report.location}` : null,
    report.anonymous ? 'laporan anonim' : report.confidential ? 'laporan rahasia' : null,
  ].filter(Boolean);
  const { name, email, phone } = report.reporter;
  return {
    kind: report.kind ?? (report.classification === 'permintaan_informasi' ? 'information' : 'complaint'),
    channel: 'lapor_sp4n',
    subject: subject.length >= 3 ? subject : `Laporan SP4N-LAPOR! #${report.trackingId}`,
    message: clip(report.content, 5000),
    serviceCategory: report.serviceCategory ?? 'lainnya',
    applicant: {
      name: report.anonymous ? ANONYMOUS_REPORTER : report.confidential ? CONFIDENTIAL_REPORTER : clip(name && name.length >= 2 ? name : 'Pelapor SP4N-LAPOR!', 120),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    },
    externalRef: report.trackingId,
    notes: clip(`${facts.join('; ')}.`, 5000),
    ...(report.status ? { laporStatus: report.status } : {}),
  };
}
