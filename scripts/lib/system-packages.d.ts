/** See system-packages.js. */
export interface SystemPackage {
  name: string;
  binary: string;
  also?: string[];
  override?: string;
  usedBy: string;
}

export interface CommandResult {
  status: number | null;
  error?: NodeJS.ErrnoException;
  output: string;
}

export interface InstallOptions {
  packages?: SystemPackage[];
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (file: string) => boolean;
  run?: (command: string, args: string[]) => CommandResult;
  log?: (line: string) => void;
}

export const SYSTEM_PACKAGES: SystemPackage[];
export class SystemPackageError extends Error {
  name: 'SystemPackageError';
}
export function binaryOf(pkg: SystemPackage, env?: Readonly<Record<string, string | undefined>>): string;
export function missingPackages(options?: Omit<InstallOptions, 'run' | 'log'>): SystemPackage[];
export function ensureSystemPackages(options?: InstallOptions): string[];
