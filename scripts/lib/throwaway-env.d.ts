/** See throwaway-env.js. */
export function throwawayEnv<T extends Record<string, string | undefined>>(overrides?: T): Record<string, string> & T;
