import { useEffect, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { TelegramLinkCode } from '../types';
import { useNotifyError } from '../notifyError';

const LINK_KEY = ['telegram-link'];
/** While a code waits for `/start`, the page asks every few seconds whether Telegram has confirmed it. */
const WAITING_POLL_MS = 3_000;

/**
 * The signed-in staff member's Telegram link: its state, a one-time code to create it, and removing it.
 * The code lives only in this page's memory; once the bot confirms the link the code is forgotten.
 */
export function useTelegramLink(pollMs = WAITING_POLL_MS) {
  const dataProvider = useDataProvider<LayananDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [code, setCode] = useState<TelegramLinkCode | null>(null);
  const [expired, setExpired] = useState(false);

  // One timer to the code's expiry, rather than a clock ticking while the page stays open.
  useEffect(() => {
    setExpired(false);
    if (!code) return undefined;
    const timer = setTimeout(() => setExpired(true), new Date(code.expiresAt).getTime() - Date.now());
    return () => clearTimeout(timer);
  }, [code]);

  const link = useQuery({
    queryKey: LINK_KEY,
    queryFn: () => dataProvider.getTelegramLink(),
    refetchInterval: code && !expired ? pollMs : false,
  });

  useEffect(() => {
    if (code && link.data?.linked) {
      setCode(null);
      notify('layanan.telegram.linked_now', { type: 'success' });
    }
  }, [code, link.data?.linked, notify]);

  const fail = useNotifyError();

  const requestCode = useMutation({
    mutationFn: () => dataProvider.createTelegramLinkCode(),
    onSuccess: setCode,
    onError: fail,
  });

  const unlink = useMutation({
    mutationFn: () => dataProvider.unlinkTelegram(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: LINK_KEY });
      notify('layanan.telegram.unlinked_now', { type: 'info' });
    },
    onError: fail,
  });

  return { link: link.data, isPending: link.isPending, error: link.error, code, expired, requestCode, unlink };
}
