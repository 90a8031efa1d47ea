import { both } from '../../../src-shared/bilingual';
import { CommandError, type DomainHandlers } from '../dispatch';
import type { HostServices } from '../host-services';

/** Window actions and the wall windows' own snapshot saving: no wall state changes here. */
export function shellCommands(services: HostServices): DomainHandlers {
  return {
    'walls.reload': () => services.shell.reloadWalls(),
    'console.focus': () => {
      if (!services.shell.focusConsole()) throw new CommandError(both('Chế độ trình duyệt không có cửa sổ bảng điều khiển riêng', 'Browser mode has no console window of its own'));
    },
    'app.quit': () => {
      if (!services.shell.quit()) throw new CommandError(both('Chế độ trình duyệt: máy chủ vẫn tiếp tục chạy; đề nghị dừng dịch vụ trên máy chủ', 'Browser mode: the host keeps running; stop its service on the host PC'));
    },
    // Wall-local: a wall window saves what its own tile shows; the store checks the PNG.
    'camera.save-snapshot': (request) => {
      try {
        return services.snapshots.save(request);
      } catch (error) {
        throw new CommandError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
