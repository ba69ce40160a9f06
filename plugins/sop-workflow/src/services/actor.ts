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
const workflowContext = new AsyncLocalStorage<{ actor: Actor }>();

export function runAsWorkflow<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
  return workflowContext.run({ actor }, fn);
}

export function workflowActor(): Actor | undefined {
  return workflowContext.getStore()?.actor;
}
