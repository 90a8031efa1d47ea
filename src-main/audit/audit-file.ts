import { join } from 'node:path';

/** Where the host keeps its audit log inside its data folder. */
export function auditFile(userDataDir: string): string {
  return join(userDataDir, 'audit', 'audit.db');
}
