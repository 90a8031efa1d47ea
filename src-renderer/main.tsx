// In the first stylesheet: a wall's early players are on screen before the app's styles have loaded.
import './styles/base.css';
import './styles/tile-camera.css';
import './styles/camera-boot.css';
import { parseRoute } from './route';
import { requestWallBoot } from './wall/boot-request';

/**
 * Entry for both apps, kept to a few kilobytes so a wall's first request leaves at once: route from
 * the path; a wall asks its host for its boot answer and starts its camera streams from it
 * (boot-cameras.ts); then the app (React, stores, the host bridge) loads, paints the wall from the
 * same answer and takes the players over.
 */
const route = parseRoute(window.location.pathname);
document.documentElement.dataset.app = route.app;

// A wall address pasted again with its key (`#key=…`) changes only the fragment, which loads
// nothing by itself: start afresh so the new key is used.
if (route.app === 'wall') window.addEventListener('hashchange', () => /(?:^#|&)key=/.test(window.location.hash) && window.location.reload());

const boot = route.app === 'wall' ? requestWallBoot(route.wallId) : Promise.resolve(null);
// The app waits for the cameras' first frames (boot-cameras.ts says why, and how long at most).
const camerasStarted = route.app === 'wall' ? Promise.all([boot, import('./wall/boot-cameras')]).then(([raw, cameras]) => cameras.startWallCameras(raw)) : Promise.resolve();
void camerasStarted
  .catch((error: unknown) => console.warn('[boot] the cameras could not start early, the app starts them:', error))
  .then(() => Promise.all([boot, import('./app-main')]))
  .then(([raw, app]) => app.startApp(route, raw))
  .catch((error: unknown) => {
    // Only a failed chunk load lands here (the host went away mid-load): a failed module load is
    // remembered by the page, so only a reload tries again.
    console.error('[boot] the app could not load, reloading in 5 s:', error);
    setTimeout(() => window.location.reload(), 5_000);
  });
