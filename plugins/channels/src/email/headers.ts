/** Header fields by lower-case name, every occurrence in document order (Received, for one, repeats). */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

export function headerMap(fields: readonly { key: string; value: string }[]): HeaderMap {
  const map = new Map<string, string[]>();
  for (const { key, value } of fields) {
    const name = key.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), value.trim()]);
  }
  return map;
}

export function firstHeader(headers: HeaderMap, name: string): string | null {
  return headers.get(name.toLowerCase())?.[0] ?? null;
}

/**
 * Header-style text outside the top-level header (a text/rfc822-headers part, the field groups of a
 * message/delivery-status part): the fields up to the first blank line, continuation lines unfolded.
 */
export function parseHeaderBlock(text: string): HeaderMap {
  const fields: { key: string; value: string }[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') break;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1) });
  }
  return headerMap(fields);
}

/**
 * The msg-ids in a Message-ID, In-Reply-To or References value, each as `<id>`: the one form this
 * channel stores and compares. A bare id with an @ (some clients drop the brackets) is bracketed.
 */
export function messageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return value
    .split(/[\s,]+/)
    .filter((token) => /^[^@\s]+@[^@\s]+$/.test(token))
    .map((token) => `<${token}>`);
}
