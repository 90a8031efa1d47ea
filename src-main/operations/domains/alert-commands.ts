import { both, clip, localized } from '../../../src-shared/bilingual';
import { operatorOf } from '../../../src-shared/caller';
import { CommandError, type DomainHandlers } from '../dispatch';
import type { HostServices } from '../host-services';

/**
 * Acknowledging an alert from the console: the hub records it as a new version of the alert, so
 * every wall and console sees who took it; rules revert when that version comes back from the hub.
 */
export function alertCommands(services: HostServices): DomainHandlers {
  return {
    'alert.acknowledge': ({ alertId }, ctx) => {
      const alert = services.hub.alert(alertId);
      if (!alert) throw new CommandError(both(`Không có cảnh báo "${alertId}"`, `No alert "${alertId}"`));
      if (alert.status === 'resolved') throw new CommandError(both('Cảnh báo đã được xử lý xong', 'The alert is already resolved'));
      // Who took it, as the walls show it: the operator by name, and at which desk.
      const operator = operatorOf(ctx.caller);
      const by = (operator && (ctx.caller.kind === 'console' || ctx.caller.kind === 'shortcut') ? `${operator.name} (${ctx.caller.station})` : 'IOC').slice(0, 120);
      ctx.describe(clip(both(`Tiếp nhận: ${alert.text}`, `Acknowledged: ${localized(alert.text, alert.textEn, 'en')}`), 300));
      return services.hub.acknowledgeAlert({ alertId, by, time: new Date(services.now()).toISOString() }).then((result) => {
        if (!result.ok) throw new CommandError(result.error);
        return { seq: result.seq };
      });
    },
  };
}
