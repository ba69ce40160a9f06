'use strict';

/**
 * What the board, the sweep, the recap and the outbox filter and sort on. Releases before this one made the
 * same indexes at start-up (CREATE … IF NOT EXISTS leaves them), and the narrower ones that a wider or unique
 * index now serves are dropped.
 */
const SUPERSEDED = [
  'inquiries_channel_received_at_idx',
  'inquiries_kind_received_at_idx',
  'inquiries_code_idx',
  'inquiries_lapor_forwarding_due_at_idx',
  'inquiries_lapor_follow_up_due_at_idx',
  'inquiries_lapor_closure_due_at_idx',
];

const RECAP_FILTERS = ['received_at', 'channel', 'kind', 'routed_division_id'];

const INDEXES = [
  // The sweep seeks each SOP step's open deadlines, and the reminders.
  ['inquiries', 'inquiries_status_triage_due_at_idx', ['status', 'triage_due_at']],
  ['inquiries', 'inquiries_status_coordination_due_at_idx', ['status', 'coordination_due_at']],
  ['inquiries', 'inquiries_status_answer_due_at_idx', ['status', 'answer_due_at']],
  ['inquiries', 'inquiries_reminder_due_at_idx', ['reminder_due_at']],
  ['inquiries', 'inquiries_reply_window_reminder_at_idx', ['reply_window_reminder_at']],
  // LAPOR!'s clocks run on few requests: (flag, end, deadline) finds the running, unflagged ones past a deadline.
  ['inquiries', 'inquiries_lapor_forwarding_due_at_open_idx', ['lapor_forwarding_breached', 'triaged_at', 'lapor_forwarding_due_at']],
  ['inquiries', 'inquiries_lapor_follow_up_due_at_open_idx', ['lapor_follow_up_breached', 'lapor_follow_up_at', 'lapor_follow_up_due_at']],
  ['inquiries', 'inquiries_lapor_closure_due_at_open_idx', ['lapor_closure_breached', 'closed_at', 'lapor_closure_due_at']],
  ['inquiries', 'inquiries_lapor_reminder_due_at_idx', ['lapor_reminder_due_at']],
  ['inquiries', 'inquiries_received_at_idx', ['received_at']],
  // The Rekap Informasi counts each dimension per period by seeking (value, time range); the trailing columns
  // cover its filters, so no count reads the table itself.
  ['inquiries', 'inquiries_recap_channel_idx', ['channel', 'received_at', 'kind', 'routed_division_id']],
  ['inquiries', 'inquiries_recap_kind_idx', ['kind', 'received_at', 'channel', 'routed_division_id']],
  ['inquiries', 'inquiries_recap_category_idx', ['service_category', 'received_at', 'channel', 'kind', 'routed_division_id']],
  ['inquiries', 'inquiries_recap_status_idx', ['status', 'received_at', 'channel', 'kind', 'routed_division_id']],
  ['inquiries', 'inquiries_recap_division_idx', ['routed_division_id', 'received_at', 'channel', 'kind']],
  ['inquiries', 'inquiries_recap_outcome_idx', ['outcome', 'received_at', 'channel', 'kind', 'routed_division_id']],
  // Breach flags are rare: compliance counts them per Bidang by seeking (flag, time range).
  ['inquiries', 'inquiries_recap_triage_breached_idx', ['triage_breached', ...RECAP_FILTERS]],
  ['inquiries', 'inquiries_recap_coordination_breached_idx', ['coordination_breached', ...RECAP_FILTERS]],
  ['inquiries', 'inquiries_recap_answer_breached_idx', ['answer_breached', ...RECAP_FILTERS]],
  // Percentiles walk each step's durations in order.
  ['inquiries', 'inquiries_recap_triage_minutes_idx', ['triage_working_minutes', ...RECAP_FILTERS]],
  ['inquiries', 'inquiries_recap_coordination_minutes_idx', ['coordination_working_minutes', ...RECAP_FILTERS]],
  ['inquiries', 'inquiries_recap_answer_minutes_idx', ['answer_working_minutes', ...RECAP_FILTERS]],
  // Only answered requests have a delivery state: the delivery figures read these entries alone.
  ['inquiries', 'inquiries_recap_delivery_idx', ['answer_delivery', ...RECAP_FILTERS, 'answered_at', 'answer_delivered_at']],
  ['inquiry_events', 'inquiry_events_at_idx', ['at']],
  // The outbox: fan-out rows by due time, each channel's heads and stale claims by (channel, status, recipient).
  ['notifications', 'notifications_status_next_attempt_at_idx', ['status', 'next_attempt_at']],
  ['notifications', 'notifications_channel_status_recipient_idx', ['channel', 'status', 'recipient']],
];

/** Enforced by the database rather than by Strapi's `unique` (a read before every insert, not safe between instances). */
const UNIQUE = [
  ['inquiries', 'inquiries_code_uq', ['code']],
  // Enqueueing the same message twice is a no-op.
  ['notifications', 'notifications_idempotency_key_uq', ['idempotency_key']],
];

module.exports = {
  async up(knex) {
    for (const name of SUPERSEDED) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
    for (const [table, name, columns] of INDEXES) await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
    for (const [table, name, columns] of UNIQUE) await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
  },
};
