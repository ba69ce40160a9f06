import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MonitoredChannel } from '@layanan/config';
import { PLUGIN_ID, configOf } from '../utils';
import { validateEmailEnv } from '../email/config';
import { validateMetaEnv } from '../meta/config';
import { validateLaporEnv } from '../lapor/config';
import { ALL_FIELDS, CHANNEL_FIELDS, fieldNamed, type SettingField, type SettingGroup } from './fields';
import { isSealed, open, seal, type SealedSecret } from './secretBox';

type Values = Record<string, string | SealedSecret>;
type Env = Record<string, string | undefined>;
type Editable = 'mail' | 'meta' | 'lapor';

/** One setting as the admin page shows it: a secret's value never leaves the server, only whether one is stored. */
export interface SettingView {
  name: string;
  label: string;
  type: NonNullable<SettingField['type']>;
  hint: string | null;
  secret: boolean;
  /** `server`: set in the environment, which wins (read-only here); `stored`: saved here; `none`: empty. */
  source: 'server' | 'stored' | 'none';
  /** Non-secret values only; null for a secret or an empty field. */
  value: string | null;
  /** Only in the server's environment, whatever is typed here. */
  serverOnly: boolean;
  /** A stored secret that ENCRYPTION_KEY no longer opens: it must be typed again. */
  unreadable: boolean;
}

const EDITABLE: Editable[] = ['mail', 'meta', 'lapor'];
const VALIDATORS: Record<Editable, (env: Env) => void> = { mail: validateEmailEnv, meta: validateMetaEnv, lapor: validateLaporEnv };
const BOOLEAN = /^(true|false)$/;
const VARIABLE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;

const labelOf = (name: string) => fieldNamed(name)?.label ?? name;

/** An input the form can check alone, in the officer's words; null when it is fine. */
function fieldProblem(field: SettingField, value: string): string | null {
  if (value.length > 2000) return `${field.label}: terlalu panjang.`;
  if (field.type === 'number' && !/^\d{1,5}$/.test(value)) return `${field.label}: isi dengan angka.`;
  if (field.type === 'boolean' && !BOOLEAN.test(value)) return `${field.label}: pilih ya atau tidak.`;
  if (field.type === 'url' && !/^https?:\/\/[^\s/]+/.test(value)) return `${field.label}: isi dengan alamat http(s)://…`;
  if (/[\r\n]/.test(value)) return `${field.label}: tidak boleh berisi baris baru.`;
  return null;
}

/**
 * Pengaturan → Kanal's settings: the channels' variables may be set in the admin as well as in the server's
 * environment. The environment, where a variable is set, wins and is shown as "diatur di server"; the rest
 * is stored in Strapi's core store, secrets sealed with ENCRYPTION_KEY (AES-256-GCM) and never returned.
 * Saved settings take effect at once: the channel's service starts again on them, without a restart.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  const encryptionKey = () => String(strapi.config.get('admin.secrets.encryptionKey', '') ?? '');
  /** The environment the server started with, before stored settings were merged in. */
  let environment: Record<SettingGroup, Env> | null = null;

  function fromEnvironment(): Record<SettingGroup, Env> {
    if (!environment) {
      const config = configOf(strapi);
      const telegram = strapi.config.get('plugin::telegram-notifier') as { token?: string } | undefined;
      environment = { mail: { ...config.mail }, meta: { ...config.meta }, lapor: { ...config.lapor }, telegram: { TELEGRAM_BOT_TOKEN: telegram?.token || undefined } };
    }
    return environment;
  }

  const onServer = (field: SettingField) => {
    const value = fromEnvironment()[field.group][field.name];
    return value !== undefined && value !== '';
  };

  async function stored(): Promise<Values> {
    return ((await store().get()) as { values?: Values } | null)?.values ?? {};
  }

  const plain = (value: string | SealedSecret | undefined) => (value === undefined ? undefined : isSealed(value) ? (open(value, encryptionKey()) ?? undefined) : value);

  /** The configuration the channels run on: the environment, and the stored settings where it is silent. */
  function merged(values: Values): Record<Editable, Env> {
    const env = fromEnvironment();
    const result: Record<Editable, Env> = { mail: { ...env.mail }, meta: { ...env.meta }, lapor: { ...env.lapor } };
    for (const field of ALL_FIELDS) {
      if (field.serverOnly || field.group === 'telegram' || onServer(field)) continue;
      const value = plain(values[field.name]);
      if (value !== undefined) result[field.group][field.name] = value;
    }
    return result;
  }

  /** The configuration's problems in Indonesian, each named by the field it concerns. */
  function configProblems(config: Record<Editable, Env>, groups: Editable[]): string[] {
    const problems: string[] = [];
    for (const group of groups) {
      try {
        VALIDATORS[group](config[group]);
      } catch (error) {
        for (const problem of (error as { problems?: string[] }).problems ?? [String((error as Error).message)]) {
          const names = problem.match(new RegExp(VARIABLE, 'g')) ?? [];
          const [first, second] = names;
          if (/is not set, but|go together/.test(problem) && first && second) problems.push(`${labelOf(first)} dan ${labelOf(second)} harus diisi bersama.`);
          else problems.push(`${first ? labelOf(first) : 'Pengaturan'}: isian tidak sesuai.`);
        }
      }
    }
    return [...new Set(problems)];
  }

  function apply(config: Record<Editable, Env>): void {
    for (const group of EDITABLE) strapi.config.set(`plugin::${PLUGIN_ID}.${group}`, config[group]);
  }

  return {
    /** At bootstrap, before the channels start: stored settings fill in what the environment leaves empty. */
    async load(): Promise<void> {
      fromEnvironment();
      const config = merged(await stored());
      const broken = configProblems(config, EDITABLE);
      if (broken.length > 0) {
        strapi.log.warn(`[channels] the settings saved in Pengaturan → Kanal are not used: ${broken.join(' ')}`);
        return;
      }
      apply(config);
    },

    /**
     * Another instance may have saved settings: the groups whose stored settings differ from what this
     * instance runs on are applied, and returned so their channels start again (the minute's job).
     */
    async refresh(): Promise<Editable[]> {
      const config = merged(await stored());
      const running = configOf(strapi);
      const changed = EDITABLE.filter((group) => JSON.stringify(config[group]) !== JSON.stringify(running[group]));
      if (changed.length === 0 || configProblems(config, changed).length > 0) return [];
      apply(config);
      return changed;
    },

    async describe(): Promise<Partial<Record<MonitoredChannel, SettingView[]>>> {
      const values = await stored();
      const view = (field: SettingField): SettingView => {
        const server = onServer(field);
        const saved = values[field.name];
        const value = server ? fromEnvironment()[field.group][field.name] : plain(saved);
        return {
          name: field.name,
          label: field.label,
          type: field.type ?? 'text',
          hint: field.hint ?? null,
          secret: Boolean(field.secret),
          source: server ? 'server' : saved !== undefined ? 'stored' : 'none',
          value: field.secret ? null : (value ?? null),
          serverOnly: Boolean(field.serverOnly),
          unreadable: !server && isSealed(saved) && value === undefined,
        };
      };
      return Object.fromEntries(Object.entries(CHANNEL_FIELDS).map(([channel, fields]) => [channel, fields!.map(view)]));
    },

    /**
     * Saves a channel's settings: a field given as text is set (a secret sealed first), as '' or null cleared,
     * and left out unchanged (how a secret is kept). Refuses, writing nothing, a field set on the server or one
     * the channel does not have, and settings the channel could not run on. Resolves to the groups changed.
     */
    async update(channel: MonitoredChannel, input: Record<string, unknown>): Promise<Editable[]> {
      const fields = CHANNEL_FIELDS[channel];
      if (!fields) throw new errors.ValidationError('Kanal ini tidak punya pengaturan yang dapat diubah di sini.');
      const values = { ...(await stored()) };
      const touched = new Set<Editable>();
      const problems: string[] = [];
      for (const [name, raw] of Object.entries(input)) {
        const field = fields.find((candidate) => candidate.name === name);
        if (!field) throw new errors.ValidationError(`Pengaturan "${name.slice(0, 60)}" tidak dikenal untuk kanal ini.`);
        if (field.serverOnly || field.group === 'telegram') throw new errors.ValidationError(`${field.label} hanya dapat diatur di server (${field.name}).`);
        if (onServer(field)) throw new errors.ValidationError(`${field.label} diatur di server (${field.name}) dan tidak dapat diubah di sini.`);
        if (raw !== null && typeof raw !== 'string') throw new errors.ValidationError(`${field.label}: isian harus berupa teks.`);
        const value = (raw ?? '').trim();
        if (value === '') delete values[name];
        else {
          const problem = fieldProblem(field, value);
          if (problem) problems.push(problem);
          else if (field.secret) {
            if (!encryptionKey()) throw new errors.ValidationError('ENCRYPTION_KEY belum diatur di server: rahasia kanal tidak dapat disimpan.');
            values[name] = seal(value, encryptionKey());
          } else values[name] = value;
        }
        touched.add(field.group as Editable);
      }
      if (problems.length === 0) problems.push(...configProblems(merged(values), [...touched]));
      if (problems.length > 0) throw new errors.ValidationError(`Pengaturan belum disimpan. ${problems.join(' ')}`, { problems });
      await store().set({ value: { values } });
      apply(merged(values));
      return [...touched];
    },
  };
};
