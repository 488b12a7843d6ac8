import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportResult } from '../../../../shared/contracts/imports.ts';
import {
  INITIAL_IMPORT,
  MAX_POLL_FAILURES,
  POLL_MS,
  fileProblem,
  importReducer,
  outcomeOf,
  periodError,
  pollDelay,
  type ImportEvent,
  type ImportState,
} from './import-state.ts';

const ID = '1b6f2a4e-7f53-4c1e-9d7e-0a6b3c2d1e0f';

function result(patch: Partial<ImportResult> = {}): ImportResult {
  return {
    file: 'ha-lang-2024.csv',
    map: 'pre-2025',
    period: '2024',
    dryRun: true,
    committed: false,
    rows: 15,
    created: 15,
    updated: 0,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    warnings: [],
    preview: [],
    durationMs: 120,
    ...patch,
  };
}

function job(patch: Partial<ImportJob> = {}): ImportJob {
  return {
    id: ID,
    kind: 'organizations',
    status: 'queued',
    fileName: 'ha-lang-2024.csv',
    options: { period: '2024', map: 'pre-2025', dryRun: true },
    processedRows: 0,
    canApply: false,
    createdAt: '2026-11-23T05:00:00.000Z',
    finishedAt: null,
    ...patch,
  };
}

const run = (events: ImportEvent[], from: ImportState = INITIAL_IMPORT) => events.reduce(importReducer, from);
const checkedOk = job({ status: 'succeeded', processedRows: 15, result: result(), canApply: true });

describe('importReducer: checking a file', () => {
  it('uploads, follows the dry run and settles on its result', () => {
    let state = run([{ type: 'upload' }]);
    expect(state.phase).toBe('uploading');
    expect(pollDelay(state)).toBeNull();

    state = run([{ type: 'started', job: job() }], state);
    expect(state.phase).toBe('checking');
    expect(pollDelay(state)).toBe(POLL_MS);

    state = run([{ type: 'polled', job: job({ status: 'running', processedRows: 8 }) }], state);
    expect(state).toMatchObject({ phase: 'checking', job: { processedRows: 8 } });

    state = run([{ type: 'polled', job: checkedOk }], state);
    expect(state.phase).toBe('checked');
    expect(pollDelay(state)).toBeNull();
    expect(outcomeOf(state.job!)).toBe('valid');
  });

  it('goes back to the form with the error when the upload is refused', () => {
    const error = new Error('400');
    const state = run([{ type: 'upload' }, { type: 'upload-failed', error }]);
    expect(state).toEqual({ ...INITIAL_IMPORT, error });
  });

  it('ignores answers about another job and an upload the user walked away from', () => {
    const checking = run([{ type: 'upload' }, { type: 'started', job: job() }]);
    expect(run([{ type: 'polled', job: job({ id: 'other', status: 'succeeded' }) }], checking)).toBe(checking);
    const reset = run([{ type: 'upload' }, { type: 'reset' }, { type: 'started', job: job() }]);
    expect(reset).toEqual(INITIAL_IMPORT);
  });

  it('tolerates a few failed polls, waiting longer each time, then waits for a retry', () => {
    let state = run([{ type: 'upload' }, { type: 'started', job: job() }]);
    const error = new Error('network');
    for (let i = 1; i < MAX_POLL_FAILURES; i++) {
      state = importReducer(state, { type: 'poll-failed', error });
      expect(state.error).toBeNull();
      expect(pollDelay(state)).toBe(POLL_MS * (i + 1));
    }
    state = importReducer(state, { type: 'poll-failed', error });
    expect(state.error).toBe(error);
    expect(pollDelay(state)).toBeNull();
    state = importReducer(state, { type: 'retry' });
    expect(pollDelay(state)).toBe(POLL_MS);
    expect(state.phase).toBe('checking');
  });
});

describe('importReducer: applying', () => {
  const checked = run([{ type: 'upload' }, { type: 'started', job: checkedOk }]);

  it('applies a valid preview and follows the real run to the end', () => {
    expect(checked.phase).toBe('checked');
    let state = run([{ type: 'apply' }], checked);
    expect(state.phase).toBe('starting-apply');
    expect(pollDelay(state)).toBeNull(); // the old dry run must not be mistaken for the real run

    const real = job({ options: { period: '2024', map: 'pre-2025', dryRun: false } });
    state = run([{ type: 'started', job: real }], state);
    expect(state.phase).toBe('applying');
    expect(pollDelay(state)).toBe(POLL_MS);

    const written = { ...real, status: 'succeeded' as const, result: result({ dryRun: false, committed: true }) };
    state = run([{ type: 'polled', job: written }], state);
    expect(state.phase).toBe('applied');
    expect(outcomeOf(state.job!)).toBe('written');
  });

  it('refuses to apply a preview with errors', () => {
    const invalid = job({ status: 'failed', result: result({ errorCount: 2, created: 13 }) });
    const state = run([{ type: 'upload' }, { type: 'started', job: invalid }]);
    expect(outcomeOf(state.job!)).toBe('invalid');
    expect(run([{ type: 'apply' }], state)).toBe(state);
  });

  it('stays on the preview with the error when the apply is refused (409)', () => {
    const error = new Error('409');
    const state = run([{ type: 'apply' }, { type: 'apply-failed', error }], checked);
    expect(state).toMatchObject({ phase: 'checked', job: checkedOk, error });
  });
});

describe('importReducer: after a reload', () => {
  it('resumes a job named in the address in the phase it is in', () => {
    expect(run([{ type: 'resumed', job: job({ status: 'running' }) }]).phase).toBe('checking');
    expect(run([{ type: 'resumed', job: checkedOk }]).phase).toBe('checked');
    const applied = job({ status: 'succeeded', options: { period: null, map: 'current', dryRun: false } });
    expect(run([{ type: 'resumed', job: applied }]).phase).toBe('applied');
  });
  it('an unreadable file has no result', () => {
    expect(outcomeOf(job({ status: 'failed', error: { message: 'thiếu cột', messageEn: 'missing' } }))).toBe(
      'unreadable',
    );
  });
});

describe('fileProblem', () => {
  it('accepts .xlsx and .csv up to 50 MB', () => {
    expect(fileProblem({ name: 'DS HTX.XLSX', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'a.csv', size: 50 * 1024 * 1024 })).toBeNull();
    expect(fileProblem({ name: 'a.xls', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'a.csv', size: 50 * 1024 * 1024 + 1 })).toBe('size');
  });

  it('refuses an empty file (the server would answer that no file was sent)', () => {
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
  });
});

describe('periodError', () => {
  const noPeriod = { period: null, map: 'current', dryRun: true } as const;
  const unreadable = (error: NonNullable<ImportJob['error']>) => job({ status: 'failed', options: noPeriod, error });
  const figures = {
    message: 'vi',
    messageEn: 'a.csv has figures (Số thành viên): choose their period',
    field: 'period',
  };

  it('finds the answer that names the period', () => {
    expect(periodError(unreadable(figures))).toEqual(figures);
  });

  it('leaves every other outcome to the result', () => {
    expect(
      periodError(unreadable({ message: 'vi', messageEn: 'a.csv, line 1: missing required column(s)' })),
    ).toBeNull();
    expect(periodError(checkedOk)).toBeNull();
  });
});
