import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../src-main/web/static-files';

describe('resolveStaticFile', () => {
  const base = mkdtempSync(join(tmpdir(), 'ioc-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(base, 'secret.txt'), 'secret');

  it('finds files inside the root', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('never leaves the root', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%00app.js', '/%E0%A4%A']) {
      expect(await resolveStaticFile(root, path)).toBeNull();
    }
  });

  it('returns null for folders and missing files', async () => {
    expect(await resolveStaticFile(root, '/assets')).toBeNull();
    expect(await resolveStaticFile(root, '/nope.js')).toBeNull();
  });
});
