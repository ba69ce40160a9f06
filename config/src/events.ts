/** Every kind of entry of an inquiry's timeline: the schema's enumeration, the workflow and the catalogue read this list. */
export const EVENT_TYPES = [
  'created',
  'triaged',
  'coordinated',
  'answered',
  'closed',
  'rejected',
  'reopened',
  'breached',
  'reminded',
  'notified',
  'edited',
  'note',
  'acknowledged',
  'answer_delivered',
  'answer_failed',
  'message_received',
  'message_sent',
  'window_closing',
  'lapor_status',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How the timeline names each entry. */
export const EVENT_LABELS: Record<EventType, { id: string; en: string }> = {
  created: { id: 'Permohonan diterima', en: 'Request received' },
  triaged: { id: 'Dipilah dan diteruskan', en: 'Routed' },
  coordinated: { id: 'Informasi dari bidang', en: 'Information from the division' },
  answered: { id: 'Dijawab', en: 'Answered' },
  closed: { id: 'Ditutup', en: 'Closed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
  breached: { id: 'Melewati tenggat', en: 'Deadline breached' },
  reminded: { id: 'Pengingat tenggat', en: 'Deadline reminder' },
  notified: { id: 'Pemberitahuan terkirim', en: 'Notification sent' },
  edited: { id: 'Diubah', en: 'Edited' },
  note: { id: 'Catatan', en: 'Note' },
  acknowledged: { id: 'Diterima bidang', en: 'Taken by the division' },
  answer_delivered: { id: 'Jawaban tersampaikan', en: 'Answer delivered' },
  answer_failed: { id: 'Jawaban gagal terkirim', en: 'Answer delivery failed' },
  message_received: { id: 'Pesan dari pemohon', en: 'Message from the applicant' },
  message_sent: { id: 'Pesan ke pemohon', en: 'Message to the applicant' },
  window_closing: { id: 'Pengingat: jendela balasan segera tutup', en: 'Reminder: the reply window closes soon' },
  lapor_status: { id: 'Status SP4N-LAPOR! dicatat', en: 'SP4N-LAPOR! status recorded' },
};

/** Event types a citizen sees on the tracking page; internal coordination stays internal. */
export const PUBLIC_EVENT_TYPES = ['created', 'triaged', 'coordinated', 'answered', 'answer_delivered', 'closed', 'rejected'] as const satisfies readonly EventType[];
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];
