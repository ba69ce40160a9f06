import { editInquirySchema, officerInquirySchema, parseBody, publicInquirySchema } from '../../cms/src/utils/validation';

const citizen = {
  kind: 'complaint',
  subject: 'Antrean terlalu lama',
  message: 'Saya antre dari jam 8 sampai jam 12 belum dipanggil.',
  applicant: { name: 'Siti Aminah', phone: '0812-3456-7890' },
};

describe('what the public form accepts', () => {
  it('normalises an Indonesian phone number to +62', () => {
    expect(parseBody(publicInquirySchema, { data: citizen }).applicant.phone).toBe('+6281234567890');
  });

  it.each(['0812-3456-7890', '(0812) 3456.7890', '+62 812 3456 7890'])('reads %s as +6281234567890', (phone) => {
    expect(parseBody(publicInquirySchema, { data: { ...citizen, applicant: { name: 'Siti Aminah', phone } } }).applicant.phone).toBe('+6281234567890');
  });

  it.each(['0812-3456-789O', '0812 3456 78l0', '0812/3456/7890', '0812_3456_7890'])('refuses %s in words rather than storing another number', (phone) => {
    expect(() => parseBody(publicInquirySchema, { data: { ...citizen, applicant: { name: 'Siti Aminah', phone } } })).toThrow(
      expect.objectContaining({ name: 'ValidationError', message: expect.stringContaining('hanya boleh berisi angka') }),
    );
  });

  it('trims what people type', () => {
    const parsed = parseBody(publicInquirySchema, { data: { ...citizen, subject: '  Antrean terlalu lama  ' } });
    expect(parsed.subject).toBe('Antrean terlalu lama');
  });

  it('lists every problem, and leads with the first in words', () => {
    try {
      parseBody(publicInquirySchema, { data: { ...citizen, subject: '', applicant: { name: 'S', email: 'x' } } });
      throw new Error('accepted');
    } catch (error) {
      const { message, details } = error as { message: string; details: { errors: { path: string[] }[] } };
      expect(message).toMatch(/Judul/);
      expect(details.errors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['subject', 'applicant.name', 'applicant.email']));
    }
  });
});

describe('what an officer records', () => {
  const walkIn = { ...citizen, channel: 'walk_in', applicant: { name: 'Budi', nik: '3574011203900002' } };

  it('accepts a walk-in with a valid NIK', () => {
    expect(parseBody(officerInquirySchema, { data: walkIn }).applicant.nik).toBe('3574011203900002');
  });

  it('needs the LAPOR! ticket number for an SP4N-LAPOR! complaint', () => {
    expect(() => parseBody(officerInquirySchema, { data: { ...walkIn, channel: 'lapor_sp4n' } })).toThrow(/LAPOR/);
    expect(parseBody(officerInquirySchema, { data: { ...walkIn, channel: 'lapor_sp4n', externalRef: '4521877' } }).externalRef).toBe('4521877');
  });
});

describe('what a plain edit may change', () => {
  it.each(['status', 'division', 'code', 'answeredAt', 'triageDueAt', 'answer'])('never %s', (field) => {
    expect(() => parseBody(editInquirySchema, { data: { [field]: 'x' } })).toThrow(field);
  });
});
