/** Types for native-deps.mjs. */
export function probeNativeDeps(root: string, command: string, env?: NodeJS.ProcessEnv): string | null;
export function ensureNativeDeps(root: string, runtime: 'node' | 'electron', electronPath?: string): boolean;
