/**
 * Waits until `condition` holds, checking every 20 ms, and fails after `timeoutMs` with what was awaited.
 * For outcomes that have no event of their own to await (a row written, a server-side count); the bound
 * is generous because the machine is shared, and no test asserts how long anything took.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waitFor: ${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
