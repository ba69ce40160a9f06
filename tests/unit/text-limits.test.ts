import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGE_MAX_LENGTH } from '@layanan/config';

const inquirySchema = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'cms', 'src', 'api', 'inquiry', 'content-types', 'inquiry', 'schema.json'), 'utf8'));

describe('the length of a request’s message', () => {
  it('is one figure: the content type allows what the form counts to and the API checks', () => {
    expect(inquirySchema.attributes.message.maxLength).toBe(MESSAGE_MAX_LENGTH);
  });
});
