import { databases } from '../helpers/strapi';
import { createStaff, divisionId, type Staff } from '../helpers/builders';
import { useMetaSuite } from '../helpers/meta';

const INQUIRY = 'api::inquiry.inquiry';
/** A few bytes that look like a JPEG to anyone sniffing. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('foto KTP-el warga')]);

interface Listed {
  documentId: string;
  direction: string;
  attachments: { filename: string; mimeType: string; media?: string; openable?: boolean }[] | null;
}

describe.each(databases())('a citizen’s file from WhatsApp, Messenger or Instagram, opened by staff, on %s', (kind) => {
  const { suite, deliver } = useMetaSuite(kind);
  let number = 0;
  let dafduk: Staff;
  let capil: Staff;
  let leadership: Staff;

  beforeAll(async () => {
    dafduk = await createStaff(suite.app, 'division_staff', 'DAFDUK');
    capil = await createStaff(suite.app, 'division_staff', 'CAPIL');
    leadership = await createStaff(suite.app, 'leadership');
  });

  const citizen = () => `+6287${String((number += 1)).padStart(8, '0')}`;
  const inquiryOf = async (channel: string, address: string) =>
    (await suite.app.strapi.db.query(INQUIRY).findOne({ where: { channel, applicant: { replyAddress: address } } })) as { documentId: string };
  const conversation = async (documentId: string, auth = suite.officer.auth) => (await suite.app.http.get(`/api/channels/inquiries/${documentId}/messages`).set(auth).expect(200)).body.data as Listed[];
  const open = (documentId: string, message: string, index: number, auth: Record<string, string> | null = suite.officer.auth) => {
    const req = suite.app.http.get(`/api/channels/inquiries/${documentId}/messages/${message}/attachments/${index}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    return auth ? req.set(auth) : req;
  };
  async function whatsappWith(message: Record<string, unknown>) {
    const phone = citizen();
    await deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, message })));
    const { documentId } = await inquiryOf('whatsapp', phone);
    const [question] = (await conversation(documentId)).filter((m) => m.direction === 'in');
    return { documentId, question };
  }

  it('the officer opens a photo sent on WhatsApp: Meta’s temporary URL is fetched with the token and the bytes come back as they are, never cached', async () => {
    const file = suite.meta.media(PHOTO, 'image/jpeg');
    const { documentId, question } = await whatsappWith({ type: 'image', image: { id: file.id, mime_type: 'image/jpeg', caption: 'Ini foto KTP-el saya' } });
    expect(question.attachments).toEqual([expect.objectContaining({ media: 'image', mimeType: 'image/jpeg', openable: true })]);
    expect(JSON.stringify(question)).not.toContain(file.id);

    const res = await open(documentId, question.documentId, 0).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(res.body as Buffer, PHOTO)).toBe(0);
    const asked = suite.meta.downloads.filter((d) => d.path.includes(file.id));
    expect(asked.map((d) => [d.path.split('/')[1], d.authorized])).toEqual([
      [expect.stringMatching(/^v\d+\.\d+$/), true],
      ['lookaside', true],
    ]);
  });

  it('only staff of the inquiry may open it: the officer and the Bidang it is routed to; another Bidang, leadership and the public may not', async () => {
    const file = suite.meta.media(PHOTO, 'image/jpeg');
    const { documentId, question } = await whatsappWith({ type: 'image', image: { id: file.id, mime_type: 'image/jpeg' } });
    await suite.app.http.post(`/api/inquiries/${documentId}/triage`).set(suite.officer.auth).send({ data: { division: await divisionId(suite.app.strapi, 'DAFDUK') } }).expect(200);
    await open(documentId, question.documentId, 0, dafduk.auth).expect(200);
    await open(documentId, question.documentId, 0, capil.auth).expect(404);
    await open(documentId, question.documentId, 0, leadership.auth).expect(403);
    await open(documentId, question.documentId, 0, null).expect(403);
  });

  it('a document a browser could run (HTML) is only downloaded; a file Meta no longer keeps, or one that is not there, is a 404 that says why', async () => {
    const page = suite.meta.media(Buffer.from('<script>alert(1)</script>'), 'text/html');
    const { documentId, question } = await whatsappWith({ type: 'document', document: { id: page.id, mime_type: 'text/html', filename: 'surat <pengantar>.html' } });
    const res = await open(documentId, question.documentId, 0).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="surat _pengantar_.html"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    suite.meta.expireMedia(page.id);
    const gone = await open(documentId, question.documentId, 0).expect(404);
    expect(JSON.parse((gone.body as Buffer).toString()).error.message).toMatch(/tidak tersedia.*7 hari/);
    await open(documentId, question.documentId, 1).expect(404);
    await open(documentId, question.documentId, -1).expect(404);
    await open(documentId, 'bukan-pesan', 0).expect(404);
  });

  it('a Messenger photo comes from the URL its webhook carried, without our token, and no log line names the file', async () => {
    const file = suite.meta.media(PHOTO, 'image/jpeg');
    const psid = `8${String((number += 1)).padStart(15, '0')}`;
    const lines: string[] = [];
    const log = suite.app.strapi.log as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = Object.fromEntries(['error', 'warn', 'info', 'http', 'debug'].map((level) => [level, log[level]]));
    for (const level of Object.keys(originals)) log[level] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    try {
      await deliver(suite.meta.webhook('page', suite.meta.dm({ platform: 'page', from: psid, attachments: [{ type: 'image', url: file.url }] })));
      const { documentId } = await inquiryOf('facebook', psid);
      const [question] = await conversation(documentId);
      expect(question.attachments).toEqual([expect.objectContaining({ media: 'image', openable: true })]);
      expect(JSON.stringify(question)).not.toContain('/cdn/');
      const res = await open(documentId, question.documentId, 0).expect(200);
      expect(Buffer.compare(res.body as Buffer, PHOTO)).toBe(0);
      expect(suite.meta.downloads.filter((d) => d.path === `/cdn/${file.id}`)).toEqual([{ path: `/cdn/${file.id}`, authorized: false }]);
    } finally {
      Object.assign(log, originals);
    }
    expect(lines.filter((line) => line.includes(file.id) || line.includes('/cdn/'))).toEqual([]);
  });
});
