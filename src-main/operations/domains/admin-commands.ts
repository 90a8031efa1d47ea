import { CommandError, type DomainHandlers } from '../dispatch';
import type { HostServices } from '../host-services';

/** The admin's commands: no wall state changes here, only the host's own configuration. */
export function adminCommands(services: HostServices): DomainHandlers {
  return {
    'config.reload': async () => {
      try {
        return await services.admin.reloadConfig();
      } catch (error) {
        throw new CommandError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
