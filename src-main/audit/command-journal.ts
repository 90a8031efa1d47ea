import type { Bilingual } from '../../src-shared/bilingual';
import { describeCaller, operatorOf, type Caller } from '../../src-shared/caller';
import type { HostState } from '../operations/host-state';
import type { AuditLog } from './audit-log';

/**
 * What dispatch writes to the audit log for each batch of commands: a `command` row before any
 * handler runs (who, what, the payloads, what the walls showed), and a `result` row after (ok,
 * refused or failed, and what changed: before → after for the walls, the preset and the agenda).
 */

export interface CommandJournal {
  /** Called before any handler runs; throws when the row cannot be written, and nothing is done. */
  intent(caller: Caller, commands: ReadonlyArray<{ name: string; payload: unknown }>, state: HostState): number;
  outcome(ref: number, caller: Caller, outcome: { ok: true } | { ok: false; error: string; refused: boolean }, before: HostState, after: HostState): void;
  /** What the host changes by itself (a rule's takeover, an agenda's clock, a takeover's revert): one row each, before it is saved. */
  automatic(notes: ReadonlyArray<{ caller: Caller; name: string; label: Bilingual }>, before: HostState, after: HostState): void;
}

/** What the walls show, briefly: the preset, the agenda and each wall's layout. */
function picture(state: HostState): Record<string, unknown> {
  return {
    preset: state.presets.activePresetId,
    agenda: state.agenda ? { id: state.agenda.agendaId, step: state.agenda.step + 1, state: state.agenda.state } : null,
    walls: Object.fromEntries(Object.entries(state.walls).map(([id, wall]) => [id, wall.layoutId])),
  };
}

/** The parts that differ, each side in full (a wall's layout, pushes, enlarged tile and source). */
function changes(before: HostState, after: HostState): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  if (before.presets.activePresetId !== after.presets.activePresetId) {
    was.preset = before.presets.activePresetId;
    now.preset = after.presets.activePresetId;
  }
  if (before.agenda !== after.agenda) {
    was.agenda = before.agenda;
    now.agenda = after.agenda;
  }
  const walls = new Set([...Object.keys(before.walls), ...Object.keys(after.walls)]);
  for (const id of walls) {
    if (before.walls[id] === after.walls[id]) continue;
    ((was.walls ??= {}) as Record<string, unknown>)[id] = before.walls[id] ?? null;
    ((now.walls ??= {}) as Record<string, unknown>)[id] = after.walls[id] ?? null;
  }
  if (before.target.wallId !== after.target.wallId) {
    was.target = before.target.wallId;
    now.target = after.target.wallId;
  }
  if (before.language !== after.language) {
    was.language = before.language.chosen;
    now.language = after.language.chosen;
  }
  if (before.takeovers !== after.takeovers) {
    was.takeovers = Object.keys(before.takeovers.book.active);
    now.takeovers = Object.keys(after.takeovers.book.active);
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}

function stationOf(caller: Caller): string | null {
  return caller.kind === 'console' || caller.kind === 'shortcut' ? caller.station : null;
}

export function createCommandJournal(audit: AuditLog): CommandJournal {
  // A result row repeats its command's action and wall, so a filter on either finds both rows.
  const open = new Map<number, { action: string; wallId: string | null }>();
  return {
    intent: (caller, commands, state) => {
      const wallIds = [...new Set(commands.map((c) => (c.payload as { wallId?: unknown } | null)?.wallId).filter((id): id is string => typeof id === 'string'))];
      const action = commands.map((c) => c.name).join(', ');
      const wallId = wallIds.length === 1 ? wallIds[0]! : null;
      const { id } = audit.append({
        kind: 'command',
        actor: describeCaller(caller),
        operator: operatorOf(caller)?.username ?? null,
        station: stationOf(caller),
        action,
        wallId,
        detail: commands.map((c) => ({ name: c.name, payload: c.payload })),
        before: picture(state),
        result: 'pending',
      });
      open.set(id, { action, wallId });
      return id;
    },
    automatic: (notes, before, after) => {
      const diff = changes(before, after);
      for (const note of notes) {
        audit.append({
          kind: 'command',
          actor: describeCaller(note.caller),
          operator: null,
          station: null,
          action: note.name,
          // The label in both languages: the console shows the log in the language of the moment.
          detail: { label: note.label.vi, labelEn: note.label.en },
          before: diff?.before,
          after: diff?.after,
          result: 'ok',
        });
      }
    },
    outcome: (ref, caller, outcome, before, after) => {
      const diff = outcome.ok ? changes(before, after) : null;
      const command = open.get(ref);
      open.delete(ref);
      audit.append({
        kind: 'result',
        actor: describeCaller(caller),
        operator: operatorOf(caller)?.username ?? null,
        station: stationOf(caller),
        action: command?.action ?? 'result',
        wallId: command?.wallId ?? null,
        ref,
        result: outcome.ok ? 'ok' : outcome.refused ? 'refused' : 'failed',
        error: outcome.ok ? null : outcome.error,
        before: diff?.before,
        after: diff?.after,
      });
    },
  };
}
