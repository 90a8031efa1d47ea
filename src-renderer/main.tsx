// Must stay the first import: zod reads its jitless flag when schemas are built (see zod-setup.ts).
import './bridge/zod-setup';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/base.css';
import './styles/wall.css';
import './styles/tile.css';
import './styles/tile-camera.css';
import './styles/tile-kpi.css';
import './styles/tile-ticker.css';
import './styles/tile-map.css';
import './styles/outage.css';
import './styles/console.css';
import './styles/console-kpis.css';
import './styles/operations.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app-root';
import { startBridge } from './bridge/start-bridge';
import { parseRoute } from './route';

/** Entry for both apps: route from the path, connect to the host, render. */
const route = parseRoute(window.location.pathname);
document.documentElement.dataset.app = route.app;

// A wall loads its camera code alongside the bridge, and starts the streams once the layout and
// the camera registry are in, instead of after its chunk and React tree (tiles take the players).
if (route.app === 'wall') void import('./tiles/camera/prestart').then((m) => m.prestartCameras());

// A wall address pasted again with its key (`#key=…`) changes only the fragment, which loads
// nothing by itself: start afresh so the new key is used.
if (route.app === 'wall') window.addEventListener('hashchange', () => /(?:^#|&)key=/.test(window.location.hash) && window.location.reload());

startBridge(route).catch((error: unknown) => {
  console.error('[bridge] could not connect to the host:', error);
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <AppRoot route={route} />
  </StrictMode>,
);
