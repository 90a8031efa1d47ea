import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src-shared/node/log';
import { createShellHealthBook } from '../../src-main/shell/shell-health';
import { superviseKiosks, type KioskSupervisor } from '../../src-main/web/kiosk';

/**
 * The browser-mode host keeps the kiosk browsers it opened running. A real process stands in for
 * Chromium (a script that records each start and then waits), so exits, restarts and kills are real.
 */

function fakeBrowser(dir: string): { path: string; starts(): string[] } {
  const path = join(dir, 'fake-chromium');
  const log = join(dir, 'starts.log');
  // Appends "<pid> <its --app= url>" and sleeps: what the supervisor sees of a kiosk.
  writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do case "$a" in --app=*) url="$a";; esac; done\necho "$$ $url" >> "${log}"\nexec sleep 600\n`);
  chmodSync(path, 0o755);
  return { path, starts: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []) };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('kiosk supervisor (browser mode)', () => {
  let supervisor: KioskSupervisor | undefined;
  afterEach(() => supervisor?.close());

  it('starts a kiosk per window, restarts one that exits and one whose wall went silent, and stops for good on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-kiosk-'));
    const browser = fakeBrowser(dir);
    const log = createMemoryLogger();
    const health = createShellHealthBook({ now: Date.now, onChange: () => undefined });
    const delays: number[] = [];
    supervisor = superviseKiosks({
      browser: browser.path,
      windows: [
        { url: 'http://127.0.0.1:1/console', kiosk: false, profile: 'console' },
        { url: 'http://127.0.0.1:1/wall/1', kiosk: true, profile: 'wall-1', wallId: '1' },
      ],
      userDataDir: dir,
      log,
      health,
      // The policy's delays, recorded and shortened so the test takes milliseconds.
      later: (run, ms) => {
        delays.push(ms);
        const timer = setTimeout(run, 10);
        return () => clearTimeout(timer);
      },
    });
    await until(() => browser.starts().length === 2, 'two kiosks');
    const pidOf = (url: string): number => Number(browser.starts().filter((line) => line.endsWith(url)).at(-1)!.split(' ')[0]);
    const first = pidOf('/wall/1');

    // The wall's kiosk dies (crash, Alt+F4): it is started again after the policy's first delay.
    process.kill(first, 'SIGKILL');
    await until(() => browser.starts().filter((l) => l.endsWith('/wall/1')).length === 2, 'the wall kiosk restarted');
    expect(delays).toEqual([1_000]);
    expect(log.lines.some((l) => l.includes('wall 1: exited'))).toBe(true);
    const second = pidOf('/wall/1');
    expect(alive(second)).toBe(true);

    // Its page went silent: the host kills that kiosk and starts a new one; the console's stays.
    expect(supervisor.recover('1', 'không phản hồi')).toBe(true);
    await until(() => browser.starts().filter((l) => l.endsWith('/wall/1')).length === 3, 'the silent wall kiosk restarted');
    await until(() => !alive(second), 'the silent kiosk killed');
    expect(delays).toEqual([1_000, 2_000]);
    expect(browser.starts().filter((l) => l.endsWith('/console'))).toHaveLength(1);
    // A wall this host has no kiosk for is only reported.
    expect(supervisor.recover('2', 'không phản hồi')).toBe(false);
    // The wall counts its recoveries for the console.
    expect(health.snapshot(['1'], () => 'answering').walls[0]).toMatchObject({ recoveries: 2, lastProblem: { what: { vi: expect.stringContaining('Trang không phản hồi'), en: expect.stringContaining('The page does not answer') } } });

    // Closing stops them all, and nothing comes back.
    const last = pidOf('/wall/1');
    supervisor.close();
    await until(() => !alive(last), 'the kiosks closed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(browser.starts()).toHaveLength(4);
  });
});
