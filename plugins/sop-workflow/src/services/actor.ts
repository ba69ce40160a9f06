import { AsyncLocalStorage } from 'node:async_hooks';
import type { RoleType } from '@layanan/config';

/** Who performs a step; recorded on every event. */
export interface Actor {
  type: 'user' | 'public' | 'system' | 'admin';
  id?: number;
  name?: string;
  role?: RoleType;
  divisionId?: number;
}

export const SYSTEM: Actor = { type: 'system', name: 'Sistem' };
export const PUBLIC: Actor = { type: 'public', name: 'Pemohon' };

/**
 * Writes made by the workflow itself run inside this context. The document middlewares let them set
 * the server-managed fields (status, timestamps, due times, code); every other path has those stripped.
 */
const workflowContext = new AsyncLocalStorage<{ actor: Actor; receiptSecret?: Record<string, string> }>();

/**
 * `receiptSecret` (the citizen's tracking token) goes into the receipt's outbox row as it is written, in the
 * same INSERT, and leaves the outbox with the message.
 */
export function runAsWorkflow<T>(actor: Actor, fn: () => Promise<T>, receiptSecret?: Record<string, string>): Promise<T> {
  return workflowContext.run({ actor, receiptSecret }, fn);
}

export function workflowReceiptSecret(): Record<string, string> | undefined {
  return workflowContext.getStore()?.receiptSecret;
}

export function workflowActor(): Actor | undefined {
  return workflowContext.getStore()?.actor;
}
