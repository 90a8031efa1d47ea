import { app } from 'electron';
import { autoUpdater, type UpdateInfo } from 'electron-updater';
import { updatePlan, type UpdatesConfig } from '../config/updates-config-schema';
import { errorMessage, type Logger } from '../../src-shared/node/log';

/**
 * Updates from a web server on the LAN (config `updates`): a check at start and every
 * `checkEveryHours`, a download in the background, the install when the app next quits (a reboot,
 * or the autostart restarting it). Never sooner: a wall in the middle of an incident is not closed
 * for an update. Every step is logged; a failure is logged and the next check tries again.
 * Returns what stops the checks.
 */
export function startUpdates(config: UpdatesConfig, log: Logger): () => void {
  const plan = updatePlan(config);
  if (!plan) {
    log.info('updates off (no updates.url in the config)');
    return () => undefined;
  }
  if (!app.isPackaged) {
    log.info(`updates off: running from source (would check ${plan.url})`);
    return () => undefined;
  }
  autoUpdater.logger = { info: (m: unknown) => log.debug(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.debug(String(m)), debug: (m) => log.debug(m) };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: plan.url });

  const version = (info: UpdateInfo): string => `${info.version}${info.releaseDate ? ` (released ${info.releaseDate})` : ''}`;
  autoUpdater.on('checking-for-update', () => log.info(`checking ${plan.url}`));
  autoUpdater.on('update-not-available', (info) => log.info(`up to date (${app.getVersion()}; the server has ${info.version})`));
  autoUpdater.on('update-available', (info) => log.info(`version ${version(info)} available; downloading`));
  autoUpdater.on('update-downloaded', (info) => log.info(`version ${info.version} downloaded; it installs when the app next quits`));
  // The one place failures are logged: electron-updater emits every failed check or download here.
  autoUpdater.on('error', (error) => log.error(`update failed: ${errorMessage(error)}; next try in ${config.checkEveryHours} h`));

  const check = (): void => {
    autoUpdater
      .checkForUpdates()
      .then((result) => result?.downloadPromise?.catch(() => undefined))
      .catch(() => undefined); // already logged by the 'error' listener
  };
  log.info(`updates from ${plan.url}, every ${config.checkEveryHours} h; installed when the app quits`);
  check();
  const timer = setInterval(check, plan.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
