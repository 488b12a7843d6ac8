import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { useSearchParams } from 'react-router';
import { applyImport } from '../api/apply-import.ts';
import { getImportJob } from '../api/get-import-job.ts';
import { startImport, type ImportOptions } from '../api/start-import.ts';
import { INITIAL_IMPORT, importReducer, outcomeOf, pollDelay } from '../utils/import-state.ts';

/**
 * Runs the import page's state machine: sends the requests, polls the job every ~700 ms while it
 * runs, and keeps the job's id in the address so that a reload (or a phone's flaky tab) resumes it.
 */
export function useImportFlow() {
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT);
  const [search, setSearch] = useSearchParams();
  const queryClient = useQueryClient();
  const jobInAddress = search.get('job');
  const hasJob = state.job !== null;

  // A job is read again only when it enters the address from outside: on arrival (a reload) or
  // through the back button. Not whenever the state holds no job: the form's state and the
  // address change in two renders, and between them a job just left would come back.
  const [seenJob, setSeenJob] = useState(jobInAddress);
  const [jobToResume, setJobToResume] = useState(jobInAddress);
  if (jobInAddress !== seenJob) {
    setSeenJob(jobInAddress);
    // the address names another job than the one shown (the menu link, the back button): the
    // form, then that job if any
    if (jobInAddress !== state.job?.id) {
      if (hasJob) dispatch({ type: 'reset' });
      setJobToResume(jobInAddress);
    }
  }

  useEffect(() => {
    if (!jobToResume) return;
    const controller = new AbortController();
    getImportJob(jobToResume, controller.signal).then(
      (job) => {
        dispatch({ type: 'resumed', job });
        setJobToResume(null);
      },
      () => {
        // an unknown or expired job: start afresh
        if (controller.signal.aborted) return;
        setJobToResume(null);
        setSearch({}, { replace: true });
      },
    );
    return () => controller.abort();
  }, [jobToResume, setSearch]);

  useEffect(() => {
    const delay = pollDelay(state);
    const id = state.job?.id;
    if (delay === null || !id) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getImportJob(id, controller.signal).then(
        (job) => dispatch({ type: 'polled', job }),
        (error: unknown) => {
          if (!controller.signal.aborted) dispatch({ type: 'poll-failed', error });
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [state]);

  const written = state.phase === 'applied' && state.job !== null && outcomeOf(state.job) === 'written';
  useEffect(() => {
    if (!written) return;
    void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    void queryClient.invalidateQueries({ queryKey: ['stats'] });
  }, [written, queryClient]);

  const check = useCallback(
    async (file: File, options: ImportOptions) => {
      dispatch({ type: 'upload' });
      try {
        const job = await startImport(file, options);
        dispatch({ type: 'started', job });
        setSearch({ job: job.id });
      } catch (error) {
        dispatch({ type: 'upload-failed', error });
      }
    },
    [setSearch],
  );

  const apply = useCallback(async (id: string) => {
    dispatch({ type: 'apply' });
    try {
      dispatch({ type: 'started', job: await applyImport(id) });
    } catch (error) {
      dispatch({ type: 'apply-failed', error });
    }
  }, []);

  const reset = useCallback(() => {
    dispatch({ type: 'reset' });
    setSearch({});
  }, [setSearch]);

  const retry = useCallback(() => dispatch({ type: 'retry' }), []);

  return { state, check, apply, reset, retry };
}
