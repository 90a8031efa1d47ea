/** Types for electron-available.mjs, so TypeScript tests and scripts can import it. */
export type ElectronBinaryStatus = { path: string; reason: null } | { path: null; reason: string };
export function electronBinaryStatus(root?: string, env?: NodeJS.ProcessEnv): ElectronBinaryStatus;
export function electronBinaryPath(root?: string, env?: NodeJS.ProcessEnv): string | null;
