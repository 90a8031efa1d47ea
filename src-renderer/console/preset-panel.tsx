import { operatorCommand } from '../bridge/host-actions';
import { KeyCaps } from '../keys/key-caps';
import { nameIn } from '../i18n/data-text';
import { useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { useOperatorStore } from '../stores/operator-store';
import { CommandRefusal } from './commands/command-refusal';
import { UndoButton } from './commands/undo-button';

/**
 * The briefing presets: one button per meeting puts every wall on its layout at once, with the key
 * that does the same; and undo beside them, saying what it would undo. Cameras shown before and
 * after keep playing on the walls.
 */
export function PresetPanel() {
  const t = useT();
  const state = useOperatorStore((s) => s.state);
  const pending = useOperatorStore((s) => s.pending);
  const keys = useAppInfoStore((s) => s.info?.keys ?? null);
  if (!state) return null;
  const wallName = (id: string): string => {
    const wall = state.walls.find((w) => w.view.wall.id === id)?.view.wall;
    return wall ? nameIn(wall, t.language) : id;
  };
  const layoutName = (id: string): string => {
    const layout = state.layouts.find((l) => l.id === id);
    return layout ? nameIn(layout, t.language) : id;
  };
  return (
    <section className="desk-panel preset-panel" aria-labelledby="presets-title">
      <div className="preset-panel__row">
        <div className="preset-panel__presets">
          <h2 id="presets-title" className="desk-panel__title">
            {t('console.presets')}
          </h2>
          {state.presets.length === 0 ? <p className="desk-panel__hint">{t('desk.presets.none')}</p> : null}
          <div className="preset-list">
            {state.presets.map((preset, i) => {
              const active = state.activePresetId === preset.id;
              const key = keys?.find((b) => b.id === `preset.${i + 1}`)?.keys[0];
              return (
                <button
                  key={preset.id}
                  type="button"
                  className="preset-button"
                  data-preset-id={preset.id}
                  data-active={active || undefined}
                  aria-pressed={active}
                  disabled={pending.has(`preset:${preset.id}`)}
                  onClick={() => void operatorCommand(`preset:${preset.id}`, 'preset.apply', { presetId: preset.id })}
                >
                  <span className="preset-button__name">{nameIn(preset, t.language)}</span>
                  {Object.entries(preset.layouts).map(([wallId, layoutId]) => (
                    <span key={wallId} className="preset-button__walls">
                      {wallName(wallId)}: <strong>{layoutName(layoutId)}</strong>
                    </span>
                  ))}
                  <span className="preset-button__foot">
                    {key ? <KeyCaps accelerator={key} /> : null}
                    {active ? <span className="preset-button__active">{t('console.presetActive')}</span> : null}
                  </span>
                </button>
              );
            })}
          </div>
        </div>
        <UndoButton />
      </div>
      <CommandRefusal prefix="preset:" />
      <CommandRefusal prefix="undo" />
    </section>
  );
}
