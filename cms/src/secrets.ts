/** Secrets generated for development start with this prefix (scripts/start.mjs writes them to cms/.env). */
export const DEV_SECRET_PREFIX = 'dev-';

export function assertProductionSecrets(nodeEnv: string, secrets: Record<string, string>): void {
  if (nodeEnv !== 'production') return;
  const weak = Object.entries(secrets)
    .filter(([, value]) => !value || value.split(',').some((part) => part.startsWith(DEV_SECRET_PREFIX)))
    .map(([name]) => name);
  if (weak.length > 0) {
    throw new Error(
      `Refusing to start in production with missing or generated development secrets: ${weak.join(', ')}. ` +
        'Set real random values in the environment.',
    );
  }
}
