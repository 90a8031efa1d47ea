import { describe, expect, it } from 'vitest';
import { globalShortcutsBlocked } from '../../../src-main/shortcuts/global-shortcut-support';

describe('whether global shortcuts can work', () => {
  it('works on X11, Windows and macOS', () => {
    expect(globalShortcutsBlocked({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux', [])).toBeNull();
    expect(globalShortcutsBlocked({ DISPLAY: ':99' }, 'linux', [])).toBeNull();
    expect(globalShortcutsBlocked({ XDG_SESSION_TYPE: 'wayland' }, 'win32', [])).toBeNull();
    expect(globalShortcutsBlocked({}, 'darwin', [])).toBeNull();
  });

  it('says why not in a Wayland session, unless the app runs as an X11 client', () => {
    expect(globalShortcutsBlocked({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'linux', [])).toMatch(/Wayland session/);
    expect(globalShortcutsBlocked({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', [])).toMatch(/Wayland/);
    expect(globalShortcutsBlocked({ DISPLAY: ':0' }, 'linux', ['--ozone-platform=wayland'])).toMatch(/Wayland/);
    expect(globalShortcutsBlocked({ XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, 'linux', ['electron', '--ozone-platform=x11'])).toBeNull();
    expect(globalShortcutsBlocked({ XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0', ELECTRON_OZONE_PLATFORM_HINT: 'x11' }, 'linux', [])).toBeNull();
  });
});
