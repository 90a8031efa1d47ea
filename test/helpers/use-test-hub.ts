import { afterAll, beforeAll } from 'vitest';
import { startTestHub, tempDir, type TestHub } from './hub-fixtures';

/**
 * One in-process hub for a test file, on a fresh folder: started before its tests, closed and its
 * folder removed after them. `started` receives it (files keep a `let hub` their tests read).
 */
export function useTestHub(started: (hub: TestHub) => void): void {
  const temp = tempDir();
  let hub: TestHub | undefined;
  beforeAll(async () => {
    hub = await startTestHub({ dir: temp.dir });
    started(hub);
  });
  afterAll(async () => {
    await hub?.close();
    temp.remove();
  });
}
