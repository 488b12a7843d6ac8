// The import page as a state machine: upload → check (a dry run, polled) → apply (polled) → done.
// Pure, so that every transition is tested without a browser.
import type { ImportJob } from '../../../../shared/contracts/imports.ts';

export type ImportPhase =
  /** choosing the file and the options */
  | 'idle'
  /** the file is being sent */
  | 'uploading'
  /** the dry run is queued or running */
  | 'checking'
  /** the dry run is over: valid, in error or unreadable */
  | 'checked'
  /** the apply request is being sent */
  | 'starting-apply'
  /** the real run is queued or running */
  | 'applying'
  /** the real run is over */
  | 'applied';

export interface ImportState {
  phase: ImportPhase;
  job: ImportJob | null;
  /** the last failed request; while set, polling waits for a retry */
  error: unknown;
  /** polls that failed in a row: a few are tolerated (a phone changing networks) */
  pollFailures: number;
}

export type ImportEvent =
  | { type: 'upload' }
  | { type: 'upload-failed'; error: unknown }
  | { type: 'apply' }
  | { type: 'apply-failed'; error: unknown }
  /** the 202 of the upload or of the apply */
  | { type: 'started'; job: ImportJob }
  /** a job named in the address, read again after a reload */
  | { type: 'resumed'; job: ImportJob }
  | { type: 'polled'; job: ImportJob }
  | { type: 'poll-failed'; error: unknown }
  | { type: 'retry' }
  | { type: 'reset' };

export const POLL_MS = 700;
export const MAX_POLL_FAILURES = 3;

export const INITIAL_IMPORT: ImportState = { phase: 'idle', job: null, error: null, pollFailures: 0 };

export function isFinished(job: ImportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** Where a job stands: a dry run is checked, a real run applied, each once it has finished. */
function phaseOf(job: ImportJob): ImportPhase {
  if (job.options.dryRun) return isFinished(job) ? 'checked' : 'checking';
  return isFinished(job) ? 'applied' : 'applying';
}

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'upload':
      return { ...INITIAL_IMPORT, phase: 'uploading' };
    case 'upload-failed':
      return state.phase === 'uploading' ? { ...INITIAL_IMPORT, error: event.error } : state;
    case 'apply':
      return state.phase === 'checked' && state.job?.canApply
        ? { ...state, phase: 'starting-apply', error: null }
        : state;
    case 'apply-failed':
      return state.phase === 'starting-apply' ? { ...state, phase: 'checked', error: event.error } : state;
    case 'started':
      // an upload the user walked away from (reset) is not followed
      return state.phase === 'uploading' || state.phase === 'starting-apply' ? follow(event.job) : state;
    case 'resumed':
      return state.phase === 'idle' && state.job === null ? follow(event.job) : state;
    case 'polled':
      // an answer about another job, or one arriving after the run settled, changes nothing
      if (!isPolling(state) || event.job.id !== state.job?.id) return state;
      return follow(event.job);
    case 'poll-failed': {
      if (!isPolling(state)) return state;
      const pollFailures = state.pollFailures + 1;
      return { ...state, pollFailures, error: pollFailures >= MAX_POLL_FAILURES ? event.error : null };
    }
    case 'retry':
      return { ...state, error: null, pollFailures: 0 };
    case 'reset':
      return INITIAL_IMPORT;
  }
}

function follow(job: ImportJob): ImportState {
  return { phase: phaseOf(job), job, error: null, pollFailures: 0 };
}

function isPolling(state: ImportState): boolean {
  return (state.phase === 'checking' || state.phase === 'applying') && state.job !== null;
}

/** How long to wait before asking for the job again; null when there is nothing to follow. */
export function pollDelay(state: ImportState): number | null {
  if (!isPolling(state) || state.error) return null;
  // after a failed poll, wait a little longer each time
  return POLL_MS * (state.pollFailures + 1);
}

export type ImportOutcome = 'unreadable' | 'invalid' | 'valid' | 'written';

/** What a finished run found: an unreadable file, rows in error, a valid preview, or data written. */
export function outcomeOf(job: ImportJob): ImportOutcome {
  if (!job.result) return 'unreadable';
  if (job.result.errorCount > 0) return 'invalid';
  return job.result.committed ? 'written' : 'valid';
}

/** The server's answer to a file with figures sent without their period: the field to fix. */
export function periodError(job: ImportJob): NonNullable<ImportJob['error']> | null {
  if (job.result || job.error?.field !== 'period') return null;
  return job.error;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Why a chosen file cannot be sent, before sending it: not .xlsx/.csv, empty, or too large. */
export function fileProblem(file: Pick<File, 'name' | 'size'>): 'type' | 'empty' | 'size' | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}
