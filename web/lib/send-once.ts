import { useRef } from 'react';

/**
 * Sends a save once however fast its button is clicked: the button's own disabling (`loading`)
 * comes a render late, after a double click's second click. `send` calls `done` when settled.
 */
export function useSendOnce(): (send: (done: () => void) => void) => void {
  const sending = useRef(false);
  return (send) => {
    if (sending.current) return;
    sending.current = true;
    send(() => {
      sending.current = false;
    });
  };
}
