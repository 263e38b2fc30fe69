import { useEffect, useEffectEvent, useRef } from 'react';
import type { DraftKey } from '@/forms/draft-keys';
import { deleteDraft, writeDraft, type Draft } from '@/forms/draft-store';

/** Within a second of the last keystroke, as promised; soon enough that a crash loses little. */
const DRAFT_DELAY_MS = 400;

/**
 * Keeps the form's input in the draft store as it changes: `subscribe` reports every change,
 * `snapshot` says what to keep, or undefined when there is nothing unsaved (the draft is then
 * deleted, so no stale "unsaved changes" notice outlives a change undone by hand). A pending
 * write is flushed when the page is hidden or the form unmounts, so leaving loses nothing.
 */
export function useDraftAutosave(options: {
  draftKey: DraftKey | undefined;
  subscribe: (onChange: () => void) => () => void;
  snapshot: () => Omit<Draft, 'savedAt'> | undefined;
  enabled: boolean;
}) {
  const timer = useRef<number | undefined>(undefined);
  const persist = useEffectEvent(() => {
    timer.current = undefined;
    const key = options.draftKey;
    if (!key || !options.enabled) return;
    const draft = options.snapshot();
    if (draft) void writeDraft(key, { ...draft, savedAt: Date.now() });
    else void deleteDraft(key);
  });
  const subscribe = options.subscribe;
  useEffect(() => {
    const flush = () => {
      if (timer.current === undefined) return;
      window.clearTimeout(timer.current);
      persist();
    };
    const unsubscribe = subscribe(() => {
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(persist, DRAFT_DELAY_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [subscribe]);
}
