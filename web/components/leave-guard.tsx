import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * While a form holds changes not yet saved, leaving its page asks first: a link or Back shows a
 * dialog (stay, or discard and leave); closing or reloading the tab, the browser's own question.
 * `release()` before navigating away after a save; the page's own query string may change freely.
 */
export function useLeaveGuard(dirty: boolean): { dialog: ReactNode; release: () => void } {
  const { t } = useI18n();
  const released = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !released.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const dialog = (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t.form.leaveTitle}
      closeButtonProps={{ 'aria-label': t.app.close }}
      centered
      data-testid="leave-dialog"
    >
      <Text size="sm">{t.form.leaveHint}</Text>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()} data-testid="leave-stay">
          {t.form.stay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()} data-testid="leave-discard">
          {t.form.discard}
        </Button>
      </Group>
    </Modal>
  );
  return { dialog, release: () => (released.current = true) };
}
