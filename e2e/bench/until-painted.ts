/**
 * In-page source (the e2e project has no DOM types): `untilPainted(check, timeoutMs)` resolves
 * with the time of the paint of the first frame in which check() holds: a rAF sees the DOM that
 * frame paints, and a task queued from it runs after that paint.
 */
export const untilPaintedSource = `const untilPainted = (check, timeoutMs = 10000) =>
    new Promise((resolve) => {
      const started = performance.now();
      const frame = () => {
        if (check()) setTimeout(() => resolve(performance.now()), 0);
        else if (performance.now() - started > timeoutMs) resolve(undefined);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });`;

/**
 * In-page source, after untilPaintedSource: `keystrokeToPaint(input)` resolves with the time
 * from the next key event's own timestamp to the paint that shows the input's new value.
 */
export const keystrokeToPaintSource = `const keystrokeToPaint = (input) => {
    const before = input.value;
    return new Promise((resolve) => {
      document.addEventListener('keydown', async (event) => {
        const painted = await untilPainted(() => input.value !== before, 5000);
        resolve(painted === undefined ? undefined : painted - event.timeStamp);
      }, { once: true, capture: true });
    });
  };`;
