/**
 * Readable text from the HTML of a mail that has no text part: what the officer reads, not a rendering.
 * Block elements end lines, paragraphs and headings leave a blank line, list items get "- ", links keep
 * their address, scripts, styles and comments go, and a blockquote's lines are prefixed with ">" so that
 * the quoted history of an HTML-only reply is recognised like that of a plain-text one.
 */

const DROPPED = /<(script|style|head|title|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const LINE_BLOCKS = new Set(['div', 'tr', 'table', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'address', 'form', 'center', 'figure', 'nav', 'main', 'aside']);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', euro: '€', deg: '°', times: '×', shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3]) : null;
}

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let quoteDepth = 0;
  let preDepth = 0;
  const links: { href: string | null; start: number }[] = [];

  const endLine = () => {
    const text = current.replace(/[ \t]+$/, '');
    lines.push(quoteDepth > 0 ? `${'>'.repeat(quoteDepth)} ${text}`.trimEnd() : text);
    current = '';
  };
  const endBlock = () => {
    if (current.trim() !== '') endLine();
    current = '';
  };
  const blankLine = () => {
    endBlock();
    if (lines.length > 0 && lines[lines.length - 1].replace(/^>+/, '').trim() !== '') lines.push(quoteDepth > 0 ? '>'.repeat(quoteDepth) : '');
  };

  for (const token of html.replace(COMMENT, '').replace(DROPPED, '').split(/(<[^>]*>)/)) {
    if (!token) continue;
    if (!token.startsWith('<')) {
      const text = decodeEntities(token);
      if (preDepth > 0) {
        const [first, ...rest] = text.split('\n');
        current += first;
        for (const line of rest) {
          endLine();
          current = line;
        }
      } else {
        const collapsed = text.replace(/\s+/g, ' ');
        current = current === '' ? collapsed.trimStart() : current + collapsed;
      }
      continue;
    }
    const closing = token.startsWith('</');
    const name = /^<\/?\s*([a-z][a-z0-9]*)/i.exec(token)?.[1].toLowerCase() ?? '';
    if (name === 'br') endLine();
    else if (name === 'hr') { endBlock(); lines.push('---'); }
    else if (name === 'li') { endBlock(); if (!closing) current = '- '; }
    else if (name === 'td' || name === 'th') { if (closing) current += ' '; }
    else if (name === 'blockquote' && !closing) { blankLine(); quoteDepth += 1; }
    else if (name === 'blockquote') { endBlock(); quoteDepth = Math.max(0, quoteDepth - 1); blankLine(); }
    else if (PARAGRAPHS.has(name)) { blankLine(); if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1)); }
    else if (LINE_BLOCKS.has(name)) endBlock();
    else if (name === 'a' && !closing) links.push({ href: attribute(token, 'href'), start: current.length });
    else if (name === 'a' && closing) {
      const link = links.pop();
      const label = link ? current.slice(link.start).trim() : '';
      if (link?.href && /^https?:/i.test(link.href) && label !== link.href) current += ` (${link.href})`;
    }
  }
  endBlock();
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
