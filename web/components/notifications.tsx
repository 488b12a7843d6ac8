import { Notification, Portal, Stack } from '@mantine/core';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { IconAlert, IconCheck } from './icons.tsx';

interface Toast {
  id: number;
  title: string;
  message?: string;
  /** success by default */
  tone?: 'success' | 'error';
}

type Notify = (toast: Omit<Toast, 'id'>) => void;

const NotifyContext = createContext<Notify | null>(null);
const VISIBLE_MS = 5000;

/** Success (or error) toasts in the bottom-right corner (a tiny stand-in for @mantine/notifications). */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const notify = useCallback<Notify>(
    (toast) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all, { ...toast, id }]);
      window.setTimeout(() => dismiss(id), VISIBLE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);

  return (
    <NotifyContext value={value}>
      {children}
      <Portal>
        <Stack gap="sm" pos="fixed" bottom={16} right={16} w="min(380px, calc(100vw - 32px))" style={{ zIndex: 400 }}>
          {toasts.map((toast) => (
            <Notification
              key={toast.id}
              data-testid="notification"
              title={toast.title}
              icon={toast.tone === 'error' ? <IconAlert size={18} /> : <IconCheck size={18} />}
              color={toast.tone === 'error' ? 'red' : 'teal'}
              withBorder
              style={{ boxShadow: 'var(--mantine-shadow-lg)' }}
              closeButtonProps={{ 'aria-label': t.app.close }}
              onClose={() => dismiss(toast.id)}
            >
              {toast.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext>
  );
}

export function useNotify(): Notify {
  const notify = use(NotifyContext);
  if (!notify) throw new Error('useNotify outside NotificationsProvider');
  return notify;
}
