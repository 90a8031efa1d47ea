import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

/** scripts/native-deps.mjs, loaded at run time as `npm start` and `npm test` load it. */
async function nativeDeps(): Promise<typeof import('../../../scripts/native-deps.mjs')> {
  return (await import(pathToFileURL(join(ROOT, 'scripts/native-deps.mjs')).href)) as typeof import('../../../scripts/native-deps.mjs');
}

describe('native dependency probe', () => {
  it('finds better-sqlite3 loadable under this Node', async () => {
    const { probeNativeDeps } = await nativeDeps();
    expect(probeNativeDeps(ROOT, process.execPath)).toBeNull();
  });

  it('names the error when the runtime cannot load the addon', async () => {
    const { probeNativeDeps } = await nativeDeps();
    // --no-addons makes every native addon fail to load, as an ABI mismatch would.
    const problem = probeNativeDeps(ROOT, process.execPath, { NODE_OPTIONS: '--no-addons' });
    expect(problem).toMatch(/Error/);
  });
});
