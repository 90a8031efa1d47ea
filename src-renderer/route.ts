/** Which of the two apps a window shows; the host serves the same index.html at every route. */
export type Route = { app: 'wall'; wallId: string } | { app: 'console' };

const WALL_PATH = /^\/wall\/([^/]+)\/?$/;

/**
 * Parses `location.pathname`: `/wall/<id>` is a wall, anything else is the console, because an
 * operator who mistypes a path should land on the desk view rather than a blank screen.
 */
export function parseRoute(pathname: string): Route {
  const match = WALL_PATH.exec(pathname);
  if (match?.[1]) {
    let wallId: string;
    try {
      wallId = decodeURIComponent(match[1]);
    } catch {
      return { app: 'console' };
    }
    if (wallId.trim() !== '') return { app: 'wall', wallId };
  }
  return { app: 'console' };
}
