import type { EnvLike } from '../email/config';

/**
 * The Meta channels' settings (WhatsApp Cloud API, Messenger, Instagram), read from the environment. The
 * webhook needs the app secret and the verify token; each medium is on once its own id and token are set
 * too. A medium half set up, or a value that cannot be right, is refused at start with every problem named.
 */

export interface WhatsAppSettings {
  phoneNumberId: string;
  token: string;
  /** The approved template for an answer after the 24-hour window (`name:language`), or null. */
  answerTemplate: { name: string; language: string } | null;
  maxPerSecond: number;
}

export interface PageSettings {
  /** The Page id (Messenger) or the Instagram professional account id. */
  accountId: string;
  token: string;
}

export interface MetaConfig {
  appSecret: string;
  verifyToken: string;
  apiRoot: string;
  graphVersion: string;
  whatsapp: WhatsAppSettings | null;
  messenger: PageSettings | null;
  instagram: PageSettings | null;
  /** The Page may answer with the HUMAN_AGENT tag up to 7 days after the citizen's last message. */
  humanAgentTag: boolean;
}

export class MetaConfigError extends Error {
  override name = 'MetaConfigError';
  constructor(readonly problems: string[]) {
    super(`Meta (WhatsApp, Messenger, Instagram) settings are incomplete or invalid:\n- ${problems.join('\n- ')}`);
  }
}

const DEFAULTS = { apiRoot: 'https://graph.facebook.com', graphVersion: 'v25.0', maxPerSecond: 10 };

function read(env: EnvLike): { config: MetaConfig; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => env[key]?.trim() ?? '';
  const pair = (idKey: string, tokenKey: string, what: string): PageSettings | null => {
    const id = text(idKey);
    const token = text(tokenKey);
    if (!id && !token) return null;
    if (!id || !token) {
      problems.push(`${id ? tokenKey : idKey} is not set, but ${id ? idKey : tokenKey} is: set both to turn ${what} on, or neither to leave it off`);
      return null;
    }
    if (!/^\d{5,20}$/.test(id)) problems.push(`${idKey} must be the numeric id Meta shows, got ${JSON.stringify(id)}`);
    return { accountId: id, token };
  };

  const apiRoot = (text('META_API_ROOT') || DEFAULTS.apiRoot).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(apiRoot)) problems.push(`META_API_ROOT must be an http(s) URL, got ${JSON.stringify(apiRoot)}`);
  const graphVersion = text('META_GRAPH_VERSION') || DEFAULTS.graphVersion;
  if (!/^v\d+\.\d+$/.test(graphVersion)) problems.push(`META_GRAPH_VERSION must look like v25.0, got ${JSON.stringify(graphVersion)}`);

  const wa = pair('WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN', 'WhatsApp');
  let answerTemplate: WhatsAppSettings['answerTemplate'] = null;
  if (text('WHATSAPP_ANSWER_TEMPLATE')) {
    const match = /^([a-z0-9_]{1,512}):([a-z]{2,3}(?:_[A-Z]{2})?)$/.exec(text('WHATSAPP_ANSWER_TEMPLATE'));
    if (match) answerTemplate = { name: match[1], language: match[2] };
    else problems.push(`WHATSAPP_ANSWER_TEMPLATE must be name:language as approved in WhatsApp Manager (e.g. jawaban_tersedia:id), got ${JSON.stringify(text('WHATSAPP_ANSWER_TEMPLATE'))}`);
  }
  let maxPerSecond = DEFAULTS.maxPerSecond;
  if (text('WHATSAPP_MAX_MPS')) {
    maxPerSecond = Number(text('WHATSAPP_MAX_MPS'));
    if (!/^\d+$/.test(text('WHATSAPP_MAX_MPS')) || maxPerSecond < 1 || maxPerSecond > 80) problems.push(`WHATSAPP_MAX_MPS must be a whole number from 1 to 80 (Meta's limit per number), got ${JSON.stringify(text('WHATSAPP_MAX_MPS'))}`);
  }
  const messenger = pair('MESSENGER_PAGE_ID', 'MESSENGER_PAGE_TOKEN', 'Messenger');
  const instagram = pair('INSTAGRAM_ACCOUNT_ID', 'INSTAGRAM_ACCESS_TOKEN', 'Instagram');

  const appSecret = text('META_APP_SECRET');
  const verifyToken = text('META_VERIFY_TOKEN');
  const media = [wa && 'WHATSAPP_*', messenger && 'MESSENGER_*', instagram && 'INSTAGRAM_*'].filter(Boolean);
  if (media.length > 0) {
    for (const key of ['META_APP_SECRET', 'META_VERIFY_TOKEN'] as const) {
      if (!text(key)) problems.push(`${key} is not set, but ${media.join(', ')} ${media.length > 1 ? 'are' : 'is'}: Meta's webhook needs it`);
    }
  }
  const flag = text('META_HUMAN_AGENT_TAG').toLowerCase();
  if (flag && flag !== 'true' && flag !== 'false') problems.push(`META_HUMAN_AGENT_TAG must be true or false, got ${JSON.stringify(text('META_HUMAN_AGENT_TAG'))}`);

  return {
    config: {
      appSecret,
      verifyToken,
      apiRoot,
      graphVersion,
      whatsapp: wa && { phoneNumberId: wa.accountId, token: wa.token, answerTemplate, maxPerSecond },
      messenger,
      instagram,
      humanAgentTag: flag === 'true',
    },
    problems,
  };
}

export function validateMetaEnv(env: EnvLike): void {
  const { problems } = read(env);
  if (problems.length > 0) throw new MetaConfigError(problems);
}

/** The settings, validated first; every medium null when nothing is set. */
export function readMetaConfig(env: EnvLike): MetaConfig {
  validateMetaEnv(env);
  return read(env).config;
}
