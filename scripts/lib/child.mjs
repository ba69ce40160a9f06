/**
 * The next IPC message of the given type from a forked server; rejects when the server reports a failure,
 * exits first, or stays silent for `timeoutMs`.
 */
export function nextMessage(child, type, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out waiting for "${type}" from pid ${child.pid}`)), timeoutMs);
    const onMessage = (msg) => {
      if (msg?.type === type) done(null, msg);
      else if (msg?.type === 'failed' || msg?.type === 'error') done(new Error(msg.message));
    };
    const onExit = (code, signal) => done(new Error(`server pid ${child.pid} exited (${signal ?? code}) before "${type}"`));
    function done(error, value) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
