import { lazy, Suspense, useEffect } from 'react';
import { useLanguage } from './i18n/use-t';
import type { Route } from './route';

// Each app is its own chunk: the console never loads hls.js or ECharts' chart code it does not draw.
const WallApp = lazy(() => import('./wall/wall-app'));
const ConsoleApp = lazy(() => import('./console/console-app'));

/** Picks the app for the route and keeps `<html lang>` in step with the configured language. */
export function AppRoot({ route }: { route: Route }) {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <Suspense fallback={null}>{route.app === 'wall' ? <WallApp wallId={route.wallId} /> : <ConsoleApp />}</Suspense>;
}
