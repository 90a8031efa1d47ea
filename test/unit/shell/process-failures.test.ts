import { describe, expect, it } from 'vitest';
import { desktopWarnings, GPU_CRASH_WINDOW_MS, gpuCrashAction, mainFailureAction, RELAUNCH_MIN_UPTIME_MS, videoDecodeFact } from '../../../src-main/shell/process-failures';

describe('process failures', () => {
  it('relaunches after a main-process exception, but not in a tight loop right after start', () => {
    expect(mainFailureAction(RELAUNCH_MIN_UPTIME_MS)).toBe('relaunch');
    expect(mainFailureAction(30 * 24 * 3600_000)).toBe('relaunch');
    expect(mainFailureAction(RELAUNCH_MIN_UPTIME_MS - 1)).toBe('exit');
    expect(mainFailureAction(0)).toBe('exit');
  });

  it('relaunches when the GPU process crashed three times within ten minutes, only logs before', () => {
    const now = 1_000_000_000;
    expect(gpuCrashAction([], now)).toBe('log');
    expect(gpuCrashAction([now - 1000, now], now)).toBe('log');
    expect(gpuCrashAction([now - 2000, now - 1000, now], now)).toBe('relaunch');
    // Old crashes do not count.
    expect(gpuCrashAction([now - GPU_CRASH_WINDOW_MS, now - GPU_CRASH_WINDOW_MS - 5, now], now)).toBe('log');
  });

  it('reads Chromium’s video decode status as hardware or software, keeping its word', () => {
    expect(videoDecodeFact('enabled')).toEqual({ status: 'hardware', detail: 'enabled' });
    expect(videoDecodeFact('enabled_on')).toEqual({ status: 'hardware', detail: 'enabled_on' });
    expect(videoDecodeFact('disabled_software')).toEqual({ status: 'software', detail: 'disabled_software' });
    expect(videoDecodeFact('unavailable_software')).toEqual({ status: 'software', detail: 'unavailable_software' });
    expect(videoDecodeFact(undefined)).toEqual({ status: 'unknown', detail: '' });
  });

  it('warns about a Wayland session unless the app runs on X11', () => {
    expect(desktopWarnings({ platform: 'linux', sessionType: 'wayland' })).toHaveLength(1);
    expect(desktopWarnings({ platform: 'linux', sessionType: 'wayland', ozonePlatform: 'x11' })).toEqual([]);
    expect(desktopWarnings({ platform: 'linux', sessionType: 'x11' })).toEqual([]);
    expect(desktopWarnings({ platform: 'win32', sessionType: 'wayland' })).toEqual([]);
  });
});
