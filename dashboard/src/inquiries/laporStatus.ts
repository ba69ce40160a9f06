import { LAPOR_STATUS_INFO } from '@layanan/config';
import type { Inquiry } from '../types';

/**
 * A LAPOR! status our request does not stand beside (LAPOR! says Selesai while ours is still open, or
 * Tunda while ours is closed): the officer should look at both and bring them in line.
 */
export function laporMismatch(inquiry: Pick<Inquiry, 'status' | 'laporStatus'>): boolean {
  return Boolean(inquiry.laporStatus) && !LAPOR_STATUS_INFO[inquiry.laporStatus!].expected.includes(inquiry.status);
}
