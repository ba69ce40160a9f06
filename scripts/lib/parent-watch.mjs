/**
 * Calls `onGone` once the process that started this one has gone. `npm start` runs us under `sh -c`, and
 * a SIGTERM to npm (a supervisor stopping the service, a terminal closed) is passed to that shell, which
 * dies without passing it on: we would live on as an orphan, and keep Strapi and its port with us.
 */
export function whenParentGone(onGone, { intervalMs = 500 } = {}) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
