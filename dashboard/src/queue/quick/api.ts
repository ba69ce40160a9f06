import { API_URL } from '../../providers/strapiQuery';
import { JWT_KEY } from '../../providers/sessionKeys';
import { FIRST_REQUESTS, FIRST_RESPONSES } from '../../layout/firstRequests';

/** One request of the Bidang's queue, as the list answers it (the server masks the applicant for the Bidang). */
export interface QueuedInquiry {
  documentId: string;
  code: string;
  channel: string;
  kind: string;
  subject: string;
  message?: string | null;
  notes?: string | null;
  coordinationDueAt?: string | null;
  applicant?: { name?: string | null } | null;
}

/** A refusal or failure of the API, with the server's own message (Indonesian) when it gave one. */
export class QueueError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The queue's list, as the staff app asks for it (queue/queueList.ts). */
export const QUEUE_URL = FIRST_REQUESTS.division_staff![0]!;

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new QueueError(body?.error?.message ?? response.statusText, response.status);
  return body as T;
}

function send(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem(JWT_KEY) ?? ''}` },
  });
}

/** The page's first script sent the list's request already (vite.config.ts): its answer is taken once. */
function firstResponse(): Promise<Response> | null {
  const pending = (window as unknown as Record<string, Record<string, Promise<Response>> | undefined>)[FIRST_RESPONSES];
  const sent = pending?.[QUEUE_URL];
  if (sent) delete pending![QUEUE_URL];
  return sent ?? null;
}

export async function fetchQueue(): Promise<QueuedInquiry[]> {
  const first = firstResponse();
  const response = first ? await first.catch(() => send(QUEUE_URL)) : await send(QUEUE_URL);
  return (await read<{ data: QueuedInquiry[] }>(response)).data;
}

/** The Bidang's information for a request (the SOP's coordination step). */
export async function coordinate(documentId: string, information: string): Promise<void> {
  await read(await send(`${API_URL}/inquiries/${encodeURIComponent(documentId)}/coordinate`, { method: 'POST', body: JSON.stringify({ data: { information } }) }));
}
