import { SOP_STEP } from '@layanan/config';

/** What the Bidang's queue lists: the requests waiting for its information, the one due first on top. */
export const QUEUE_LIST = {
  filter: { status: 'triaged' },
  sort: { field: SOP_STEP.coordination.dueField, order: 'ASC' as const },
  pagination: { page: 1, perPage: 100 },
};
