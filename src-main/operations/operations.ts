import { clip, type Bilingual } from '../../src-shared/bilingual';
import { callerWords, describeCaller, type Caller, type KeySource } from '../../src-shared/caller';
import type { Command, CommandName } from '../../src-shared/commands';
import type { Alert, Language } from '../../src-shared/domain';
import type { EventChannel, EventPayload, InvokeResult } from '../../src-shared/ipc';
import { normalizeAccelerator } from '../../src-shared/keys/accelerator';
import { bindingFor } from '../../src-shared/keys/key-table';
import type { OperatorState, RecentCommand, ShellHealth } from '../../src-shared/operator-state';
import type { WallView } from '../../src-shared/wall-view';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { AppConfig } from '../config/load-config';
import type { SnapshotStore } from '../snapshots/snapshot-store';
import { openStateDb, type StateDb } from '../state/state-db';
import { freeze, thaw } from './agenda-run';
import { composeWall } from './composition';
import { createDispatcher, type CommitRequest, type Dispatcher } from './dispatch';
import { agendaCommands } from './domains/agenda-commands';
import { alertCommands } from './domains/alert-commands';
import { presetCommands } from './domains/preset-commands';
import { shellCommands } from './domains/shell-commands';
import { takeoverCommands } from './domains/takeover-commands';
import { mapCommands } from './domains/map-commands';
import { tourCommands } from './domains/tour-commands';
import { wallCommands } from './domains/wall-commands';
import { changedParts, restoreState, type HostState } from './host-state';
import type { CommandJournal } from '../audit/command-journal';
import type { Operator } from '../../src-shared/access';
import { adminCommands } from './domains/admin-commands';
import { appCommands } from './domains/app-commands';
import type { AdminPort, HostServices, HubPort, ShellPort } from './host-services';
import { buildOperatorState, NO_PLACEMENTS, type DisplayPlacements, type KeyStatus } from './operator-view';
import { WallPresenceBook } from './presence';
import { BROWSER_FACTS } from '../shell/shell-health';
import { settleState, type SettleNote } from './settle-state';
import { applyAlerts } from './takeovers';
import { createWakeTimer } from './wake-timer';

export type HostEmit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export interface OperationsOptions {
  config: AppConfig;
  log: Logger;
  /** The host state database, `<userData>/state/host-state.db`. */
  stateFile: string;
  hub: HubPort;
  snapshots: SnapshotStore;
  emit: HostEmit;
  /** The audit log's side of every command (src-main/audit/command-journal.ts). */
  journal?: CommandJournal;
  /** The config reload the admin's command runs (app-core). */
  admin?: AdminPort;
  now?: () => number;
}

export interface Operations {
  /** A command from a window (untrusted envelope), run as `caller`. */
  run(caller: Caller, envelope: unknown): Promise<InvokeResult<unknown>>;
  /** Commands the host itself issues (schedules, tests), already typed. */
  dispatch(caller: Caller, commands: readonly Command[]): Promise<InvokeResult<unknown>>;
  /** A key of the key table, pressed in a window or as a global shortcut, run as that key. */
  pressKey(from: KeySource, accelerator: string, operator: Operator | undefined): Promise<InvokeResult<{ command: CommandName | null }>>;
  wallView(wallId: string): WallView;
  operatorState(): OperatorState;
  /** The UI language of every window now: an operator's choice (app.set-language), else the config's. */
  language(): Language;
  /** New versions of alerts from the hub, in seq order: rules and tours look at them. */
  alertsChanged(alerts: readonly Alert[]): void;
  /** The hub state was replaced (a snapshot): rules and tours look at every alert again. */
  hubReplaced(): void;
  /** A window of the wall connected; call the result when it is gone. */
  windowOpened(wallId: string): () => void;
  setPlacements(placements: DisplayPlacements): void;
  /** Browser mode: each wall's address, for the console's links. */
  setWallUrls(urlOf: (wallId: string) => string): void;
  setKeyStatus(status: KeyStatus): void;
  setShell(shell: ShellPort): void;
  /** Where the console's "how the app runs" picture comes from (src-main/shell/shell-health.ts). */
  setShellHealth(health: () => ShellHealth): void;
  /** That picture changed: the consoles get a new operator state. */
  shellHealthChanged(): void;
  close(): void;
}

const RECENT_KEPT = 20;

/**
 * The operator's side of the host: the durable state of what every wall shows, the commands that
 * change it, and the clocks that change it by themselves (tours, agendas, schedules, rules). Plain
 * Node, shared by Electron and browser mode; windows reach it through AppCore.
 */
export function startOperations(options: OperationsOptions): Operations {
  const { config, log } = options;
  const now = options.now ?? Date.now;
  const db: StateDb = openStateDb({ file: options.stateFile, log: log.child('state') });
  let shell: ShellPort = { focusConsole: () => false, reloadWalls: () => options.emit('wall:reload', { wallId: null }), quit: () => false };
  const services: HostServices = {
    config,
    layouts: new Map(config.layouts.map((l) => [l.id, l])),
    get language() {
      return state.language.chosen ?? config.language;
    },
    now,
    log,
    hub: options.hub,
    snapshots: options.snapshots,
    shell: { focusConsole: () => shell.focusConsole(), reloadWalls: () => shell.reloadWalls(), quit: () => shell.quit() },
    admin: options.admin ?? { reloadConfig: () => Promise.reject(new Error('this host cannot reload its config')) },
  };

  const restored = restoreState(db.parts, config, log);
  let state: HostState = restored.state;
  if (state.agenda) state = { ...state, agenda: thaw(state.agenda, now()) };
  const storeStatus: OperatorState['stateStore'] =
    restored.problems.length > 0 && db.status.status === 'ok' ? { status: 'ok', detail: restored.problems.join('; ').slice(0, 1000) } : db.status;

  let placements: DisplayPlacements = NO_PLACEMENTS;
  let wallUrlOf: ((wallId: string) => string) | undefined;
  let keyStatus: KeyStatus = { global: 'browser', reason: null, taken: [] };
  let shellHealth = (): ShellHealth => ({ ...BROWSER_FACTS, walls: [], errors: [] });
  const recent: RecentCommand[] = [];
  let recorded = 0;
  const record = (entry: { caller: Caller; name: string; label: Bilingual; ok: boolean; error?: Bilingual }): void => {
    recorded += 1;
    recent.unshift({
      id: recorded,
      at: new Date(now()).toISOString(),
      command: entry.name,
      label: clip(entry.label, 300),
      by: clip(callerWords(entry.caller), 200),
      ok: entry.ok,
      ...(entry.error ? { error: clip(entry.error, 500) } : {}),
    });
    recent.length = Math.min(recent.length, RECENT_KEPT);
    operatorStateChanged();
  };

  // What each wall's windows were last sent, so only real changes go out.
  const sent = new Map<string, { view: string; tours: string }>();
  let operatorDue: NodeJS.Immediate | undefined;
  let closed = false;
  const presence = new WallPresenceBook(() => operatorStateChanged(), now);
  const operatorState = (): OperatorState =>
    buildOperatorState({ state, services, presence, placements, wallUrlOf, keys: keyStatus, stateStore: storeStatus, recent, shell: shellHealth(), at: now() });
  // One console update per tick, however many changes the tick made.
  function operatorStateChanged(): void {
    if (closed) return;
    operatorDue ??= setImmediate(() => {
      operatorDue = undefined;
      if (!closed) options.emit('operator:state', operatorState());
    });
  }

  /** Sends each wall's windows what changed for them; `quiet` only records what they have (at start they ask). */
  const announce = (at: number, quiet = false): void => {
    for (const wall of config.walls) {
      const view = composeWall(state, services, wall.id, at);
      const { tours, ...rest } = view;
      const keys = { view: JSON.stringify(rest), tours: JSON.stringify(state.tours[wall.id] ?? {}) };
      const last = sent.get(wall.id);
      if (!quiet && last?.view !== keys.view) options.emit('wall:view', { wallId: wall.id, view });
      else if (!quiet && last?.tours !== keys.tours) options.emit('wall:tours', { wallId: wall.id, tours });
      sent.set(wall.id, keys);
    }
    if (!quiet) operatorStateChanged();
  };

  /**
   * Settles the change (see settle-state.ts), saves it, then tells the windows: a restart can never
   * show less than was announced. Throws, changing nothing, when it could not be saved.
   */
  const commit = (next: HostState, request: CommitRequest | null, notes: readonly SettleNote[] = []): void => {
    const at = now();
    const settled = settleState(state, next, request, services, at);
    const parts = changedParts(state, settled.state);
    if (Object.keys(parts).length === 0 && notes.length === 0) return;
    const automatic = [...notes, ...settled.notes];
    if (automatic.length > 0 && options.journal) {
      try {
        options.journal.automatic(automatic, state, settled.state);
      } catch (error) {
        // A rule's takeover or an agenda's step goes ahead without its row: a wall that ignored an
        // incident because a disk was full would be worse. The app log keeps what happened.
        log.error(`audit: no row for ${automatic.map((n) => n.name).join(', ')}: ${errorMessage(error)}`);
      }
    }
    if (Object.keys(parts).length > 0) db.write(parts);
    const languageBefore = services.language;
    state = settled.state;
    // Saved first, then every window hears it: walls and consoles repaint in the new language.
    if (services.language !== languageBefore) options.emit('app:language', { language: services.language });
    automatic.forEach(noteAutomatic);
    announce(at);
    timer.reschedule(state, at);
  };
  /** A change the host makes by itself (a rule, a tour's clock, bookkeeping): committed, and logged when it matters. */
  const commitInternal = (next: HostState, notes: readonly SettleNote[] = []): void => {
    try {
      commit(next, null, notes);
    } catch (error) {
      log.error(`could not save an automatic change: ${errorMessage(error)}`);
    }
  };
  function noteAutomatic(note: SettleNote): void {
    log.info(`${note.label.en} — by ${describeCaller(note.caller)}`);
    record({ caller: note.caller, name: note.name, label: note.label, ok: true });
  }

  const dispatcher: Dispatcher = createDispatcher({
    domains: [
      wallCommands(services),
      presetCommands(services),
      tourCommands(services),
      mapCommands(services),
      agendaCommands(services),
      takeoverCommands(services),
      alertCommands(services),
      shellCommands(services),
      adminCommands(services),
      appCommands(),
    ],
    state: () => state,
    commit,
    record,
    ...(options.journal ? { journal: options.journal } : {}),
    language: () => services.language,
    log: log.child('commands'),
  });

  const timer = createWakeTimer({ services, now, dispatcher, commitInternal, state: () => state, log: log.child('clock') });

  const alertsNow = (alerts: readonly Alert[]): void => {
    if (closed || alerts.length === 0) return;
    const result = applyAlerts(state, alerts, services, now());
    commitInternal(result.state, result.notes);
  };

  // Start: the saved state settled against the clock and the alerts the cache holds (tours,
  // takeovers that expired or whose alert closed while the host was off), then the schedule point
  // missed meanwhile.
  announce(now(), true);
  alertsNow(options.hub.alerts());
  commitInternal(state);
  void timer.catchUp().finally(() => timer.reschedule(state, now()));

  return {
    run: (caller, envelope) => dispatcher.dispatchRaw(caller, envelope),
    dispatch: (caller, commands) => dispatcher.dispatch(caller, commands),
    pressKey: async (from, accelerator, operator) => {
      const key = normalizeAccelerator(accelerator);
      const binding = key === null ? undefined : bindingFor(config.keys, key, ['global']);
      if (!binding || binding.action.type !== 'command') return { ok: true, value: { command: null } };
      const command = { name: binding.action.command, payload: binding.action.payload } as Command;
      const result = await dispatcher.dispatch({ kind: 'shortcut', accelerator: key!, from, station: config.console.station, ...(operator ? { operator } : {}) }, [command]);
      return result.ok ? { ok: true, value: { command: command.name } } : result;
    },
    wallView: (wallId) => composeWall(state, services, wallId, now()),
    operatorState,
    language: () => services.language,
    alertsChanged: (alerts) => alertsNow(alerts),
    hubReplaced: () => alertsNow(options.hub.alerts()),
    windowOpened: (wallId) => presence.opened(wallId),
    setPlacements: (next) => {
      placements = next;
      operatorStateChanged();
    },
    setWallUrls: (urlOf) => {
      wallUrlOf = urlOf;
      operatorStateChanged();
    },
    setKeyStatus: (status) => {
      keyStatus = status;
      operatorStateChanged();
    },
    setShell: (next) => {
      shell = next;
    },
    setShellHealth: (health) => {
      shellHealth = health;
      operatorStateChanged();
    },
    shellHealthChanged: () => operatorStateChanged(),
    close: () => {
      if (closed) return;
      timer.stop();
      // The agenda's clock stops while the host is down: save the time its step has left now.
      if (state.agenda) {
        try {
          db.write({ agenda: freeze(state.agenda, now()) });
        } catch {
          // Logged by the store; the step then resumes with the time it had at its last change.
        }
      }
      closed = true;
      if (operatorDue) clearImmediate(operatorDue);
      db.close();
    },
  };
}
