import { useCallback } from 'react';
import { useNotify } from 'react-admin';

/** What the server (or the network) said, in words a person can read. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Shows a refused action's own message, as the server wrote it (it is not a catalogue key), long enough to
 * be read.
 */
export function useNotifyError(): (error: unknown) => void {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', autoHideDuration: 8000, messageArgs: { _: message } });
    },
    [notify],
  );
}
