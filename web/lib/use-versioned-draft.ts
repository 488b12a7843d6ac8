import { useState } from 'react';
import { rebase, same } from './rebase.ts';

/**
 * A form over a versioned record. It keeps the version the edits started from (`base`) apart
 * from the edits, so that a newer version read (the form's own save, a re-read after signing
 * in again) replaces the form only when it holds no edits or the same ones, and an older one
 * (the cache behind a conflict) never does. `adopt` takes a version: as it is, or after a 409
 * with this user's own changes on top (`keepMine`); `settle` tells a 409 met by one's own lost
 * save from someone else's change.
 */
export function useVersionedDraft<R extends { version: number } | null, D extends object>(
  record: R,
  draftOf: (record: R) => D,
  rebaseDraft: (base: D, mine: D, theirs: D) => D = rebase,
) {
  const [base, setBase] = useState(record);
  const [draft, setDraft] = useState(() => draftOf(record));
  const [conflict, setConflict] = useState<NonNullable<R> | null>(null);
  const edited = !same(draft, draftOf(base));
  const adopt = (next: R, keepMine = false) => {
    setBase(next);
    setDraft(keepMine ? rebaseDraft(draftOf(base), draft, draftOf(next)) : draftOf(next));
    setConflict(null);
  };
  /**
   * After a 409: when the current version shows exactly this form, this user's own save went
   * through and its answer was lost (a phone's connection dropped), so sending it again met it:
   * the save's error is cleared (`sent.reset`, the mutation) and `saved` takes the version as
   * its answer. Anything else is someone else's change, shown.
   */
  const settle = (
    current: NonNullable<R> | null,
    sent: { reset(): void },
    saved: (current: NonNullable<R>) => void,
  ) => {
    if (!current || !same(draft, draftOf(current))) return setConflict(current);
    sent.reset();
    saved(current);
  };
  if ((record?.version ?? 0) > (base?.version ?? 0) && (!edited || same(draft, draftOf(record)))) adopt(record);
  return { base, draft, setDraft, edited, conflict, setConflict, settle, adopt };
}
