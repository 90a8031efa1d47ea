// Must stay the first import: zod reads its jitless flag when schemas are built (see zod-setup.ts).
import './bridge/zod-setup';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/wall.css';
import './styles/tile.css';
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
import { seedWallFromBoot } from './bridge/boot-seed';
import { startBridge } from './bridge/start-bridge';
import type { Route } from './route';

/**
 * The app proper, loaded by main.tsx once a wall's cameras are started: paint a wall from its boot
 * answer, connect to the host, render.
 */
export function startApp(route: Route, wallBoot: unknown): void {
  if (route.app === 'wall') {
    seedWallFromBoot(route.wallId, wallBoot);
    // The early start from the bridge's stores, for cameras the boot answer did not start (it did not come).
    void import('./tiles/camera/prestart').then((m) => m.prestartCameras());
  }

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
}
