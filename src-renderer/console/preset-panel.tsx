import { applyPreset } from '../bridge/host-actions';
import { useT } from '../i18n/use-t';
import { usePresetStore } from '../stores/preset-store';
import { useWallListStore } from '../stores/wall-list-store';

/**
 * The briefing presets: one button per meeting puts every wall on its layout at once. Cameras
 * shown before and after keep playing on the walls, so switching mid-meeting costs no picture.
 */
export function PresetPanel() {
  const t = useT();
  const state = usePresetStore((s) => s.state);
  const error = usePresetStore((s) => s.error);
  const applying = usePresetStore((s) => s.applying);
  const walls = useWallListStore((s) => s.walls);
  const wallName = (id: string): string => walls?.find((w) => w.wall.id === id)?.wall.name ?? id;
  if (state && state.presets.length === 0 && !error) return null;
  return (
    <section className="console-panel preset-panel">
      <h2 className="console-panel__title">{t('console.presets')}</h2>
      {error ? <p className="console-panel__hint facts__warn">{t('console.presetFailed', { error })}</p> : null}
      <div className="preset-list">
        {state?.presets.map((preset) => {
          const active = state.activePresetId === preset.id;
          return (
            <button
              key={preset.id}
              type="button"
              className="preset-button"
              data-preset-id={preset.id}
              data-active={active || undefined}
              aria-pressed={active}
              disabled={applying !== null}
              onClick={() => void applyPreset(preset.id)}
            >
              <span className="preset-button__name">{preset.name}</span>
              {Object.entries(preset.layouts).map(([wallId, layoutId]) => (
                <span key={wallId} className="preset-button__walls">
                  {wallName(wallId)}: <strong>{state.layoutNames[layoutId] ?? layoutId}</strong>
                </span>
              ))}
              {active ? <span className="preset-button__active">{t('console.presetActive')}</span> : null}
            </button>
          );
        })}
      </div>
    </section>
  );
}
