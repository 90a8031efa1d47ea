import type { OperatorState } from '../../../src-shared/operator-state';
import type { WallView } from '../../../src-shared/wall-view';
import { localized, nameIn } from '../../i18n/data-text';
import type { Translate } from '../../i18n/translate';

type Lookups = Pick<OperatorState, 'presets' | 'agendas' | 'schedules'>;

const nameOr = (item: { name: string; nameEn?: string | undefined } | undefined, id: string, t: Translate): string => (item ? nameIn(item, t.language) : id);

/**
 * Who put the wall's picture there, in the room's words: "Kịch bản: Điều hành giao thông",
 * "Giao ban sáng thứ Hai · bước 2/3", "Thao tác tay", "Theo cảnh báo: Va chạm giao thông".
 */
export function wallSourceText(view: Pick<WallView, 'source' | 'takeover'>, lookups: Lookups, t: Translate): string {
  const { source } = view;
  const id = source.id ?? '';
  switch (source.kind) {
    case 'config':
      return t('desk.source.config');
    case 'operator':
      return t('desk.source.operator');
    case 'preset':
      return t('desk.source.preset', { name: nameOr(lookups.presets.find((p) => p.id === id), id, t) });
    case 'agenda': {
      const agenda = lookups.agendas.find((a) => a.id === id);
      const name = nameOr(agenda, id, t);
      if (source.step === undefined) return t('desk.source.agenda', { name });
      return t('desk.source.agendaStep', { name, step: source.step + 1, count: agenda?.steps.length ?? '?' });
    }
    case 'schedule':
      return t('desk.source.schedule', { name: nameOr(lookups.schedules.find((s) => s.id === id), id, t) });
    case 'rule':
      return t('desk.source.rule', { name: view.takeover ? localized(view.takeover.ruleName, view.takeover.ruleNameEn, t.language) : id });
  }
}
