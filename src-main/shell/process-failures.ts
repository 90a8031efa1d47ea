import { both, type Bilingual } from '../../src-shared/bilingual';
import type { ShellHealth } from '../../src-shared/operator-state';

/**
 * What the shell does when a process other than a page fails: the main process itself (an uncaught
 * exception) or Chromium's GPU process. Pure, so the rules are tested without Electron.
 */

/** A main process that fails sooner than this after starting exits instead of relaunching itself at once. */
export const RELAUNCH_MIN_UPTIME_MS = 60_000;

/**
 * After an uncaught exception the main process cannot be trusted: relaunch a fresh one. One that
 * fails right after starting would relaunch in a tight loop, so it exits (code 1) and the watchdog
 * (the systemd unit, the scheduled task) starts it again after its own delay.
 */
export function mainFailureAction(uptimeMs: number): 'relaunch' | 'exit' {
  return uptimeMs >= RELAUNCH_MIN_UPTIME_MS ? 'relaunch' : 'exit';
}

/** Chromium restarts a crashed GPU process itself, and after a few crashes falls back to software. */
export const GPU_CRASHES_BEFORE_RELAUNCH = 3;
export const GPU_CRASH_WINDOW_MS = 10 * 60_000;

/**
 * Whether the GPU process has crashed often enough lately that Chromium will have given up on the
 * GPU (video decoding and WebGL maps on the CPU): then a relaunch gets the hardware back.
 */
export function gpuCrashAction(crashTimes: readonly number[], now: number): 'log' | 'relaunch' {
  const recent = crashTimes.filter((at) => now - at < GPU_CRASH_WINDOW_MS).length;
  return recent >= GPU_CRASHES_BEFORE_RELAUNCH ? 'relaunch' : 'log';
}

/** Chromium's word for video decoding (app.getGPUFeatureStatus().video_decode), as the console says it. */
export function videoDecodeFact(status: string | undefined): ShellHealth['videoDecode'] {
  if (status === undefined) return { status: 'unknown', detail: '' };
  // enabled, enabled_on, enabled_force…: the GPU decodes. disabled_software, unavailable_software,
  // disabled_off…: the CPU does.
  return { status: status.startsWith('enabled') ? 'hardware' : 'software', detail: status };
}

/**
 * Conditions of this desktop that will hurt the walls, in both languages for the console: Wayland
 * ignores where the app puts its windows (every wall on one display) and global shortcuts.
 */
export function desktopWarnings(env: { platform: string; sessionType?: string; ozonePlatform?: string }): Bilingual[] {
  const warnings: Bilingual[] = [];
  if (env.platform === 'linux' && env.sessionType === 'wayland' && env.ozonePlatform !== 'x11') {
    warnings.push(
      both(
        'Phiên Wayland: các màn hình tường có thể mở chồng lên một màn hình và phím tắt toàn cục không hoạt động. Đề nghị chạy với --ozone-platform=x11 (lối tắt và dịch vụ của gói cài đặt đã có sẵn tùy chọn này).',
        'Wayland session: the walls may open on top of one another and global shortcuts do not work. Run with --ozone-platform=x11 (the installed shortcut and service already do).',
      ),
    );
  }
  return warnings;
}
