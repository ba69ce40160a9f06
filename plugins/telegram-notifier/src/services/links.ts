import { createHash, randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { isRoleType, type RoleType } from '@layanan/config';
import type { Actor } from '@layanan/sop-workflow';
import { UID, configOf, now } from '../utils';

/** No 0/O, 1/I/L: a code may be read aloud or typed by hand after /start. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export interface StaffMember {
  id: number;
  name: string;
  role?: RoleType;
  divisionId?: number;
  divisionName?: string;
}

export interface LinkedChat {
  chatId: string;
  chatType: string;
  linkedAt: string;
  user: StaffMember;
}

interface UserRow {
  id: number;
  username: string;
  fullName?: string | null;
  blocked?: boolean | null;
  role?: { type: string } | null;
  division?: { id: number; name: string } | null;
}

interface LinkRow {
  id: number;
  chatId: string;
  chatType: string;
  linkedAt: string;
  user: UserRow | null;
}

export type RedeemResult = { ok: true; user: StaffMember } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

const USER_POPULATE = {
  user: { select: ['id', 'username', 'fullName', 'blocked'], populate: { role: { select: ['type'] }, division: { select: ['id', 'name'] } } },
} as const;

function memberOf(row: UserRow): StaffMember {
  const role = row.role?.type;
  return {
    id: row.id,
    name: row.fullName || row.username,
    role: isRoleType(role) ? role : undefined,
    divisionId: row.division?.id,
    divisionName: row.division?.name,
  };
}

/**
 * Staff link their own Telegram chat with a one-time code from the dashboard. A code is valid for
 * `linkCodeMinutes`, works once (a conditional update marks it used, so two chats racing with the same
 * code cannot both win) and is stored only as a hash. A chat belongs to one account and an account to
 * one chat: a new link replaces the old one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => strapi.db.query(UID.link);
  const codes = () => strapi.db.query(UID.linkCode);

  return {
    async issueCode(userId: number): Promise<{ code: string; expiresAt: Date }> {
      const at = now(strapi);
      const expiresAt = new Date(at.getTime() + configOf(strapi).linkCodeMinutes * 60_000);
      const code = newCode();
      await strapi.db.transaction(async () => {
        // An earlier code of the same person stops working: only the newest one is on their screen.
        await codes().deleteMany({ where: { user: { id: userId }, usedAt: { $null: true } } });
        await codes().create({ data: { codeHash: hashCode(code), user: userId, expiresAt } });
      });
      return { code, expiresAt };
    },

    async redeem(code: string, chat: { id: number | string; type: string }): Promise<RedeemResult> {
      const at = now(strapi);
      return strapi.db.transaction(async () => {
        const row = (await codes().findOne({
          where: { codeHash: hashCode(code) },
          select: ['id', 'expiresAt', 'usedAt'],
          populate: { user: { select: ['id'] } },
        })) as { id: number; expiresAt: string; usedAt: string | null; user: { id: number } | null } | null;
        if (!row || !row.user) return { ok: false, reason: 'unknown' } as const;
        if (row.usedAt) return { ok: false, reason: 'used' } as const;
        if (new Date(row.expiresAt).getTime() <= at.getTime()) return { ok: false, reason: 'expired' } as const;
        const { count } = await codes().updateMany({ where: { id: row.id, usedAt: { $null: true } }, data: { usedAt: at } });
        if (count !== 1) return { ok: false, reason: 'used' } as const;
        const chatId = String(chat.id);
        await links().deleteMany({ where: { $or: [{ chatId }, { user: { id: row.user.id } }] } });
        await links().create({ data: { chatId, chatType: chat.type, user: row.user.id, linkedAt: at } });
        const user = (await strapi.db.query(UID.user).findOne({
          where: { id: row.user.id },
          select: USER_POPULATE.user.select,
          populate: USER_POPULATE.user.populate,
        })) as UserRow;
        return { ok: true, user: memberOf(user) } as const;
      });
    },

    /** The staff member behind a chat; null for a chat nobody linked, or an account that was blocked. */
    async byChat(chatId: number | string): Promise<LinkedChat | null> {
      const row = (await links().findOne({ where: { chatId: String(chatId) }, populate: USER_POPULATE })) as LinkRow | null;
      if (!row?.user || row.user.blocked) return null;
      return { chatId: row.chatId, chatType: row.chatType, linkedAt: row.linkedAt, user: memberOf(row.user) };
    },

    async byUser(userId: number): Promise<{ chatId: string; chatType: string; linkedAt: string } | null> {
      const row = (await links().findOne({ where: { user: { id: userId } }, select: ['chatId', 'chatType', 'linkedAt'] })) as LinkRow | null;
      return row ? { chatId: row.chatId, chatType: row.chatType, linkedAt: row.linkedAt } : null;
    },

    async unlinkChat(chatId: number | string): Promise<boolean> {
      const { count } = await links().deleteMany({ where: { chatId: String(chatId) } });
      return count > 0;
    },

    async unlinkUser(userId: number): Promise<boolean> {
      const { count } = await links().deleteMany({ where: { user: { id: userId } } });
      return count > 0;
    },

    /** Linked chats of active accounts with the given role (and, for division staff, the given Bidang). */
    async chatsOf(filter: { role: RoleType; divisionDocumentId?: string }): Promise<string[]> {
      const conditions: Record<string, unknown>[] = [{ $or: [{ blocked: false }, { blocked: { $null: true } }] }, { role: { type: filter.role } }];
      if (filter.divisionDocumentId) conditions.push({ division: { documentId: filter.divisionDocumentId } });
      const rows = (await links().findMany({ where: { user: { $and: conditions } }, select: ['chatId'], orderBy: { id: 'asc' } })) as { chatId: string }[];
      return rows.map((r) => r.chatId);
    },

    /** The staff member as the workflow sees them, exactly as the dashboard's requests build it. */
    actorOf(member: StaffMember): Actor {
      return { type: 'user', id: member.id, name: member.name, role: member.role, divisionId: member.divisionId };
    },

    /** Whether the member's role holds a route permission: Telegram grants nothing the dashboard would refuse. */
    async mayCall(member: StaffMember, action: string): Promise<boolean> {
      if (!member.role) return false;
      const count = await strapi.db.query(UID.permission).count({ where: { action, role: { type: member.role } } });
      return count > 0;
    },

    async pruneCodes(before: Date): Promise<void> {
      await codes().deleteMany({ where: { expiresAt: { $lt: before } } });
    },
  };
};
