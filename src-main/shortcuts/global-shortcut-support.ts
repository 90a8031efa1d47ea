/**
 * Why global shortcuts cannot work in this session, or null when they can. Under Wayland a program
 * may not grab keys for the whole desktop (Electron's global shortcuts do nothing there unless the
 * desktop's shortcut portal is used), so the console says so instead of pretending. Plain Node: tested.
 */
export function globalShortcutsBlocked(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, argv: readonly string[] = process.argv): string | null {
  if (platform !== 'linux') return null;
  const session = (env.XDG_SESSION_TYPE ?? '').toLowerCase();
  const hint = (argv.find((a) => a.startsWith('--ozone-platform='))?.split('=')[1] ?? env.ELECTRON_OZONE_PLATFORM_HINT ?? '').toLowerCase();
  // Started as an X11 client (XWayland), the grabs work again while an IOC window has the focus.
  if (hint === 'x11') return null;
  if (session === 'wayland' || (env.WAYLAND_DISPLAY && !env.DISPLAY) || hint === 'wayland') {
    return 'this is a Wayland session, where programs cannot take keys for the whole desktop; start the app in an X11 session (or with --ozone-platform=x11)';
  }
  return null;
}
