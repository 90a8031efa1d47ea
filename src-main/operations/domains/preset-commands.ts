import { both, namesOf, type Bilingual } from '../../../src-shared/bilingual';
import type { Preset } from '../../../src-shared/domain';
import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import type { HostState } from '../host-state';
import type { HostServices } from '../host-services';
import { plainBase, type WallBase } from '../wall-base';
import { sourceOf } from './wall-commands';

/**
 * Briefing presets (a layout per wall) and undo. Applying a preset puts every wall it names on its
 * layout as configured (pushes and enlargements go), all in one change.
 */

function applyPreset(preset: Preset, ctx: CommandContext, services: HostServices): void {
  const walls: Record<string, WallBase> = { ...ctx.state.walls };
  for (const [wallId, layoutId] of Object.entries(preset.layouts)) {
    // loadConfig dropped entries naming unknown walls or layouts; a wall removed since is skipped.
    if (!(wallId in walls) || !services.layouts.has(layoutId)) continue;
    walls[wallId] = plainBase(layoutId, sourceOf(ctx.caller, preset.id));
  }
  ctx.set({ ...ctx.state, walls, presets: { activePresetId: preset.id } });
  const name = namesOf(preset);
  ctx.describe(both(`Kịch bản: ${name.vi}`, `Preset: ${name.en}`));
}

/** Two bases show the same thing (JSON of plain data: same keys in the same order from the same code). */
const same = (a: WallBase | undefined, b: WallBase | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoes the last operator change: each wall it changed goes back to what it showed before, unless
 * something else has changed that wall since (then that wall is left alone, and said so).
 */
function undo(state: HostState): { next: HostState; label: Bilingual } {
  const entry = state.undo.at(-1);
  if (!entry) throw new CommandError(both('Không có thay đổi nào để hoàn tác', 'Nothing to undo'));
  const walls = { ...state.walls };
  const skipped: string[] = [];
  for (const [wallId, before] of Object.entries(entry.before)) {
    if (!(wallId in walls)) continue;
    if (same(walls[wallId], entry.after[wallId])) walls[wallId] = before;
    else skipped.push(wallId);
  }
  const kept = skipped.join(', ');
  const label = both(
    `Hoàn tác: ${entry.label.vi}${skipped.length > 0 ? ` (màn hình ${kept} đã thay đổi sau đó, giữ nguyên)` : ''}`,
    `Undo: ${entry.label.en}${skipped.length > 0 ? ` (wall ${kept} changed since, left as is)` : ''}`,
  );
  return { next: { ...state, walls, presets: { activePresetId: entry.activePresetIdBefore }, undo: state.undo.slice(0, -1) }, label };
}

export function presetCommands(services: HostServices): DomainHandlers {
  const presetById = (presetId: string): Preset => {
    const preset = services.config.presets.find((p) => p.id === presetId);
    if (!preset) throw new CommandError(`no preset with id "${presetId}"`);
    return preset;
  };
  return {
    'preset.apply': ({ presetId }, ctx) => applyPreset(presetById(presetId), ctx, services),
    'preset.apply-number': ({ number }, ctx) => {
      const preset = services.config.presets[number - 1];
      if (!preset) throw new CommandError(both(`Chưa có kịch bản số ${number} (hiện có ${services.config.presets.length} kịch bản)`, `There is no preset ${number} (there are ${services.config.presets.length})`));
      applyPreset(preset, ctx, services);
    },
    'walls.undo': (_payload, ctx) => {
      const { next, label } = undo(ctx.state);
      ctx.set(next);
      ctx.describe(label);
    },
  };
}
