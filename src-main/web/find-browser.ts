import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Browsers that can run a wall in kiosk mode, most suitable first. */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];

const WINDOWS_PATHS = [
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a Chromium-family browser: the configured path, else the first on PATH, else null. */
export function findKioskBrowser(configured: string | undefined, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (configured) return isExecutable(configured) ? configured : null;
  if (platform === 'win32') return WINDOWS_PATHS.find(isExecutable) ?? null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}
