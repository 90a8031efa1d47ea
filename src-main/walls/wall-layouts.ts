import type { Layout, Preset, Wall, WallView } from '../../src-shared/domain';
import type { PresetState } from '../../src-shared/ipc';

/**
 * Which layout each wall shows right now. Starts from the config (each wall's own layoutId) and
 * changes when an operator sets a layout or applies a briefing preset. Plain data, no windows:
 * the host broadcasts the views this returns.
 */
export interface WallLayouts {
  view(wallId: string): WallView;
  /** Every wall with the layout it shows now. */
  views(): WallView[];
  setLayout(wallId: string, layoutId: string): WallView;
  /** Applies the preset to every wall it names that exists; returns the views that changed. */
  applyPreset(presetId: string): WallView[];
  presetState(): PresetState;
}

export function createWallLayouts(walls: readonly Wall[], layouts: readonly Layout[], presets: readonly Preset[]): WallLayouts {
  const layoutById = new Map(layouts.map((layout) => [layout.id, layout]));
  const current = new Map(walls.map((wall) => [wall.id, wall.layoutId]));
  const matches = (preset: Preset): boolean => Object.entries(preset.layouts).every(([wallId, layoutId]) => !current.has(wallId) || current.get(wallId) === layoutId);
  // A wall set up as a preset describes counts as showing it, so the console marks it from the start.
  let activePresetId: string | null = presets.find(matches)?.id ?? null;

  const wallOf = (wallId: string): Wall => {
    const wall = walls.find((w) => w.id === wallId);
    if (!wall) throw new Error(`no wall with id "${wallId}"`);
    return wall;
  };
  const layoutOf = (layoutId: string): Layout => {
    const layout = layoutById.get(layoutId);
    if (!layout) throw new Error(`no layout with id "${layoutId}"`);
    return layout;
  };
  const view = (wallId: string): WallView => {
    const wall = wallOf(wallId);
    // The wall record keeps telling which layout it shows, so every reader of `wall` agrees.
    const layoutId = current.get(wallId) ?? wall.layoutId;
    return { wall: { ...wall, layoutId }, layout: layoutOf(layoutId) };
  };
  /** A preset stays "active" only while every wall it names still shows its layout. */
  const stillActive = (): boolean => {
    const preset = presets.find((p) => p.id === activePresetId);
    return preset !== undefined && matches(preset);
  };

  return {
    view,
    views: () => walls.map((wall) => view(wall.id)),
    setLayout: (wallId, layoutId) => {
      wallOf(wallId);
      layoutOf(layoutId);
      current.set(wallId, layoutId);
      if (!stillActive()) activePresetId = null;
      return view(wallId);
    },
    applyPreset: (presetId) => {
      const preset = presets.find((p) => p.id === presetId);
      if (!preset) throw new Error(`no preset with id "${presetId}"`);
      const changed: WallView[] = [];
      for (const [wallId, layoutId] of Object.entries(preset.layouts)) {
        // loadConfig already dropped presets naming unknown walls or layouts; a wall removed since is skipped.
        if (!current.has(wallId) || !layoutById.has(layoutId)) continue;
        if (current.get(wallId) !== layoutId) {
          current.set(wallId, layoutId);
          changed.push(view(wallId));
        }
      }
      activePresetId = preset.id;
      return changed;
    },
    presetState: () => ({
      presets: [...presets],
      activePresetId: stillActive() ? activePresetId : null,
      layoutNames: Object.fromEntries(presets.flatMap((p) => Object.values(p.layouts)).flatMap((id) => (layoutById.has(id) ? [[id, layoutById.get(id)!.name]] : []))),
    }),
  };
}
