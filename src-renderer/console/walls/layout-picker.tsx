import { useId } from 'react';
import { operatorCommand } from '../../bridge/host-actions';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { usePending } from '../commands/use-pending';
import { KeyHint } from '../keys/key-hint';

const NO_LAYOUTS: never[] = [];

/** The wall's layout, changed on the spot; the keys change it on the selected wall. */
export function LayoutPicker({ wallId, layoutId, isTarget }: { wallId: string; layoutId: string; isTarget: boolean }) {
  const t = useT();
  const id = useId();
  const layouts = useOperatorStore((s) => s.state?.layouts ?? NO_LAYOUTS);
  const pending = usePending(`wall:${wallId}:layout`);
  return (
    <div className="layout-picker">
      <label htmlFor={id} className="layout-picker__label">
        {t('desk.layout.label')}
      </label>
      <select
        id={id}
        className="desk-select"
        value={layoutId}
        disabled={pending}
        aria-busy={pending || undefined}
        data-action="set-layout"
        onChange={(event) => void operatorCommand(`wall:${wallId}:layout`, 'wall.set-layout', { wallId, layoutId: event.target.value })}
      >
        {layouts.map((layout) => (
          <option key={layout.id} value={layout.id}>
            {t('desk.layout.option', { name: nameIn(layout, t.language), cols: layout.cols, rows: layout.rows })}
          </option>
        ))}
      </select>
      {isTarget ? (
        <span className="layout-picker__keys" title={t('desk.layout.keysHint')}>
          <KeyHint binding="layout.previous" />
          <KeyHint binding="layout.next" />
        </span>
      ) : null}
    </div>
  );
}
