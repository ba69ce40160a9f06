import type { Kind } from './channels';

/** A tracking code: the kind, the year and month of arrival (yyMM, office time), a per-month sequence. */
export const CODE_PREFIX: Record<Kind, string> = { information: 'INF', complaint: 'ADU' };
export const CODE_SEQUENCE_DIGITS = 5;

/** A tracking code anywhere in a text (a mail subject, a citizen citing an earlier request). */
export const TRACKING_CODE = new RegExp(String.raw`\b(?:${Object.values(CODE_PREFIX).join('|')})-\d{4}-\d{${CODE_SEQUENCE_DIGITS},}\b`, 'g');
