import { clip, joined } from '../../src-shared/bilingual';
import { pauseForTakeover, resumeAfterTakeover } from './agenda-run';
import { tourHoldMaxMs } from './composition';
import { composeView } from './compose-view';
import type { CommitRequest } from './dispatch';
import { UNDO_DEPTH, type HostState } from './host-state';
import { wallOf, type HostServices } from './host-services';
import { endByOperator } from './takeover-book';
import { takeoverNotes, type SettleNote } from './takeovers';
import { updateWallTours } from './tours';

export type { SettleNote } from './takeovers';

const isOperator = (request: CommitRequest | null): boolean => request?.caller.kind === 'console' || request?.caller.kind === 'shortcut';

/**
 * What follows from any change, whoever made it, before it is saved:
 * - an operator's change to the walls can be undone, holds against the schedule until its next
 *   point, and ends a rule's takeover of the walls it touched (the operator took over);
 * - an agenda pauses while any wall is taken over, and resumes after;
 * - camera tours follow the layouts they are on, the clock and the alerts.
 */
export function settleState(before: HostState, next: HostState, request: CommitRequest | null, services: HostServices, at: number): { state: HostState; notes: SettleNote[] } {
  let state = next;
  const notes: SettleNote[] = [];
  const changedWalls = Object.keys(state.walls).filter((id) => before.walls[id] !== state.walls[id]);

  if (request && isOperator(request)) {
    if (changedWalls.length > 0 || state.agenda !== before.agenda) state = { ...state, schedule: { ...state.schedule, manualAt: at } };
    if (changedWalls.length > 0 && !request.names.includes('walls.undo')) {
      const entry = {
        label: clip(joined(request.labels, '; '), 300),
        at,
        before: Object.fromEntries(changedWalls.map((id) => [id, before.walls[id]!])),
        after: Object.fromEntries(changedWalls.map((id) => [id, state.walls[id]!])),
        activePresetIdBefore: before.presets.activePresetId,
      };
      state = { ...state, undo: [...state.undo, entry].slice(-UNDO_DEPTH) };
    }
    for (const wallId of changedWalls) {
      const result = endByOperator(state.takeovers.book, wallId, at);
      if (result.book === state.takeovers.book) continue;
      notes.push(...takeoverNotes(result.events, state, services));
      state = { ...state, takeovers: { ...state.takeovers, book: result.book } };
    }
  }

  const taken = Object.keys(state.takeovers.book.active).length > 0;
  if (state.agenda && taken && state.agenda.state !== 'paused') state = { ...state, agenda: pauseForTakeover(state.agenda, at) };
  else if (state.agenda && !taken && state.agenda.state === 'paused') state = { ...state, agenda: resumeAfterTakeover(state.agenda, at) };

  const alerts = services.hub.alerts();
  const holdMax = tourHoldMaxMs(services);
  let tours = state.tours;
  for (const wall of services.config.walls) {
    const base = state.walls[wall.id];
    if (!base) continue;
    const active = state.takeovers.book.active[wall.id];
    const { layout } = composeView({
      wall: wallOf(services, wall.id),
      base,
      layouts: services.layouts,
      ...(active ? { takeover: { active, rule: services.config.rules.find((r) => r.id === active.ruleId), alert: undefined } } : {}),
      tours: {},
    });
    const updated = updateWallTours(tours[wall.id], layout, alerts, holdMax, at);
    if (updated !== tours[wall.id]) tours = { ...tours, [wall.id]: updated ?? {} };
  }
  if (tours !== state.tours) state = { ...state, tours };
  return { state, notes };
}
