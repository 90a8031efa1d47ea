import { operatorCommand } from '../bridge/host-actions';
import { KeyCaps } from '../keys/key-caps';
import { useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { useOperatorStore } from '../stores/operator-store';

/**
 * The briefing presets: one button per meeting puts every wall on its layout at once, with the key
 * that does the same. Cameras shown before and after keep playing on the walls.
 */
export function PresetPanel() {
  const t = useT();
  const state = useOperatorStore((s) => s.state);
  const pending = useOperatorStore((s) => s.pending);
  const keys = useAppInfoStore((s) => s.info?.keys ?? null);
  if (!state || state.presets.length === 0) return null;
  const wallName = (id: string): string => state.walls.find((w) => w.view.wall.id === id)?.view.wall.name ?? id;
  const layoutName = (id: string): string => state.layouts.find((l) => l.id === id)?.name ?? id;
  return (
    <section className="console-panel preset-panel">
      <h2 className="console-panel__title">{t('console.presets')}</h2>
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
              <span className="preset-button__name">{preset.name}</span>
              {Object.entries(preset.layouts).map(([wallId, layoutId]) => (
                <span key={wallId} className="preset-button__walls">
                  {wallName(wallId)}: <strong>{layoutName(layoutId)}</strong>
                </span>
              ))}
              {key ? <KeyCaps accelerator={key} /> : null}
              {active ? <span className="preset-button__active">{t('console.presetActive')}</span> : null}
            </button>
          );
        })}
      </div>
    </section>
  );
}
