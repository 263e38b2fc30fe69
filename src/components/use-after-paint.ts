import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs work once the next frame has painted and the main thread is idle, never after the
 * component unmounted: for what the user must not wait for before seeing the effect of their
 * input, such as the URL catching up with the view (the router's navigation and its scroll
 * bookkeeping cost a frame's worth of script).
 */
export function useAfterPaint(): (work: () => void) => void {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback((work: () => void) => {
    const run = () => {
      if (mounted.current) work();
    };
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 250 });
      else setTimeout(run, 0);
    });
  }, []);
}
