import { join } from 'node:path';
import type { Alert, Language } from '../src-shared/domain';
import type { AppInfo, EventChannel, EventPayload, InvokeResult } from '../src-shared/ipc';
import type { Logger } from '../src-shared/node/log';
import { wallBootCamerasOf } from '../src-shared/wall-boot';
import { startDemoHub, type DemoHub } from '../src-hub/start-demo-hub';
import { openWallCache } from './cache/open-wall-cache';
import { loadConfig, type AppConfig } from './config/load-config';
import { connectHubClient, type HubClient } from './hub/hub-client';
import { offlineHubClient } from './hub/offline-hub-client';
import { createInvokeRouter } from './invoke-router';
import type { DisplayPlacements, KeyStatus } from './operations/operator-view';
import { startOperations, type Operations } from './operations/operations';
import type { ShellPort } from './operations/host-services';
import { buildContentSecurityPolicy } from './security/csp';
import { createSnapshotStore } from './snapshots/snapshot-store';
import { callerOf, type WindowIdentity } from './window-identity';
import type { SignInResult } from '../src-shared/access';
import { startHostAccess, type HostAccess } from './access/host-access';
import type { SignInOrigin } from './access/access-control';
import { createCommandJournal } from './audit/command-journal';
import { accessHandlers } from './access/access-handlers';
import { reloadConfig } from './config/reload-config';
import { openMapData } from './map/map-data';
import { watchUnitNames } from './map/unknown-units';
import type { MapRoutes } from './map/map-routes';
import { createWallLiveness, type WallLiveness } from './shell/wall-liveness';

export interface AppCoreOptions {
  mode: 'electron' | 'browser';
  /** Config file; defaults to IOC_WALL_CONFIG, then `<userDataDir>/ioc-wall.json`. */
  configPath?: string;
  userDataDir: string;
  /** Runtime files (demo clips); defaults to `<repo>/assets`. */
  assetsDir: string;
  version: string;
  log: Logger;
}

export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export type { DisplayPlacements, Placement } from './operations/operator-view';

export interface AppCore {
  readonly config: AppConfig;
  readonly configErrors: string[];
  readonly contentSecurityPolicy: string;
  /** Base URL of the hub in use (embedded or remote; a cluster's first node); undefined when the config names no usable hub. */
  readonly hubUrl: string | undefined;
  /** The map's URLs (/map/tiles.json, /map/tiles/{z}/{x}/{y}, /map/units.geojson), for both hosts to serve. */
  readonly map: MapRoutes;
  /** The UI language in force: an operator's choice (saved in the host state), else the config's. */
  language(): Language;
  /** A request from a window, which its transport identified. */
  invoke(window: WindowIdentity, channel: unknown, request: unknown): Promise<InvokeResult<unknown>>;
  /** A global shortcut of the key table (Electron): runs its command as that key, for the desktop console's operator. */
  globalKey(accelerator: string, consoleSeat: string | undefined): Promise<InvokeResult<unknown>>;
  /** Who is asking: accounts, sessions, console seats, wall keys and the audit log. */
  readonly access: HostAccess;
  /** Browser mode's sign-in (POST /auth/session): a session token for the page to connect with. */
  signIn(request: unknown, origin: SignInOrigin): Promise<SignInResult>;
  /**
   * A window of a wall is there (loaded, linked); call the result when it is gone. Pass the same
   * identity object its requests run with: heartbeats are matched to the window by it.
   */
  windowOpened(window: WindowIdentity): () => void;
  onEvent(listener: EventListener): () => void;
  /** The displays as the shell's display book placed the walls on them (Electron). */
  setPlacements(placements: DisplayPlacements): void;
  /** Browser mode: where the walls are served, so the console can link them (each with its wall key). */
  setWallUrlBase(base: string): void;
  /** Browser mode: a wall's address with its key in the fragment, as kiosks and the console open it. */
  wallUrl(base: string, wallId: string): string;
  /** Whether global shortcuts work, and which keys other programs hold (Electron). */
  setKeyStatus(status: KeyStatus): void;
  /** The shell's window actions (Electron); browser mode reloads walls through an event. */
  setShell(shell: ShellPort): void;
  /** Heartbeats of the wall pages, what the shell does when one goes silent, the PC's facts and latest errors. */
  readonly liveness: WallLiveness;
  close(): Promise<void>;
}

const alertsOf = (messages: readonly { topic: string; payload: unknown }[]): Alert[] => messages.flatMap((m) => (m.topic === 'alert' ? [m.payload as Alert] : []));

/**
 * Everything the app does that is not a window: config, the wall cache, the hub link (embedded demo
 * hub when no URL is configured), the operator state with its commands, and the answers to window
 * requests. Plain Node, shared by Electron and browser mode.
 */
export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const { log } = options;
  const configPath = options.configPath ?? process.env.IOC_WALL_CONFIG ?? join(options.userDataDir, 'ioc-wall.json');
  const { config, errors: configErrors } = loadConfig(configPath, log.child('config'));
  const access = await startHostAccess({ config, userDataDir: options.userDataDir, mode: options.mode, log: log.child('access') });

  // The cache first, before anything touches the network: `hub:state` answers from it at once, so a
  // wall paints what it last knew while the hub is slow, down or unreachable.
  const { cache, model } = openWallCache({ file: join(options.userDataDir, 'cache', 'wall-cache.db'), log: log.child('cache') });
  // The deployment's map files are checked now, so their problems join the config's on the console.
  const map = openMapData({ map: config.map, configFile: configPath, log: log.child('map') });
  const knownUnits = new Set(map.info.units.source === 'file' ? map.info.units.names : config.map.unitSeats.map((seat) => seat.name));
  const checkUnitNames = watchUnitNames(knownUnits, log.child('map'));
  configErrors.push(...map.errors);

  let demo: DemoHub | undefined;
  // A hub, or the nodes of a hub cluster, `url` first.
  let hubUrls = [...new Set([...(config.hub.url ? [config.hub.url] : []), ...(config.hub.urls ?? [])])];
  // No URL and no problem with one: the file names no hub, so the demo runs. A URL the config got
  // wrong starts nothing (see hubUrlProblem in load-config.ts).
  if (hubUrls.length === 0 && config.hub.urlProblem === undefined) {
    try {
      demo = await startDemoHub({
        port: config.hub.demoPort,
        token: config.hub.token,
        dbPath: join(options.userDataDir, 'demo-hub', 'demo-hub.db'),
        assetsDir: options.assetsDir,
        log: log.child('demo-hub'),
      });
    } catch (error) {
      // The caller exits on this; the cache file must not stay locked behind it.
      cache.close();
      access.close();
      map.close();
      throw error;
    }
    hubUrls = [demo.hub.url];
  }

  const listeners = new Set<EventListener>();
  const emit: EventListener = (channel, payload) => listeners.forEach((listener) => listener(channel, payload));
  const snapshots = createSnapshotStore({ dir: join(options.userDataDir, 'snapshots'), log: log.child('snapshots') });
  const ops: Operations = startOperations({
    config,
    log: log.child('operations'),
    stateFile: join(options.userDataDir, 'state', 'host-state.db'),
    hub: {
      alert: (alertId) => model.latest('alert', alertId)?.payload,
      alerts: () => model.keys('alert').flatMap((key) => model.latest('alert', key)?.payload ?? []),
      nameOf: (kind, id, language) => (kind === 'camera' ? model.latest('camera', id)?.payload.name : model.latest('kpi-definition', id)?.payload[language]) ?? id,
      // The hub link is made just below; operators cannot acknowledge before it exists.
      acknowledgeAlert: (request) => hub.acknowledgeAlert(request),
    },
    snapshots,
    emit,
    journal: createCommandJournal(access.audit),
    admin: { reloadConfig: () => reloadConfig({ configPath, running: config, access, log: log.child('config') }) },
  });
  access.audit.onAppend((row) => emit('audit:appended', { id: row.id }));
  access.seats.onEnded((seat, why) => emit('session:ended', { seat, why }));
  const hub: HubClient = hubUrls.length > 0
    ? connectHubClient({
        urls: hubUrls,
        token: config.hub.token,
        log: log.child('hub'),
        model,
        cache,
        onStatus: (state) => emit('hub:status', state),
        // Rules and tours look at the alerts: a new snapshot means every alert again, a batch its own.
        onSnapshot: (snapshot) => {
          emit('hub:snapshot', snapshot);
          checkUnitNames(snapshot.messages);
          ops.hubReplaced();
        },
        onMessages: (batch) => {
          emit('hub:messages', batch);
          checkUnitNames(batch);
          ops.alertsChanged(alertsOf(batch));
        },
      })
    : offlineHubClient({ model, cache, reason: config.hub.urlProblem ?? 'no hub configured' });

  const liveness = createWallLiveness({ wallIds: () => config.walls.map((w) => w.id), log: log.child('liveness'), onChange: () => ops.shellHealthChanged() });
  ops.setShellHealth(() => liveness.snapshot());

  const operatorOf = (window: WindowIdentity) => (window.role === 'console' ? access.seats.operatorOn(window.seat) : undefined);
  // A browser console's station is its browser's address; the desktop console's is this workstation.
  const stationOf = (window: WindowIdentity): string => (window.role === 'console' ? (access.seats.station(window.seat) ?? config.console.station) : config.console.station);

  const wallUrlWithKey = (base: string, wallId: string): string => `${base.replace(/\/$/, '')}/wall/${encodeURIComponent(wallId)}#key=${access.walls.keyFor(wallId)}`;

  const appInfo = (): AppInfo => ({
    name: 'IOC Wall',
    version: options.version,
    language: ops.language(),
    mode: options.mode,
    hub: demo ? 'embedded' : 'remote',
    configErrors,
    staleAfterSeconds: config.staleAfterSeconds,
    cameraDecodeBudget: config.cameras.decodeBudget ?? null,
    layoutsKeptReady: config.layoutsKeptReady,
    keys: config.keys,
    map: { ...map.info, views: config.map.views, unitSeats: config.map.unitSeats },
  });

  const ownWall = (window: WindowIdentity, wallId: string): string => {
    if (window.role === 'wall' && window.wallId !== wallId) throw new Error(`wall window ${window.wallId} may only read its own wall`);
    return wallId;
  };

  const unwrap = async <T>(result: Promise<InvokeResult<T>>): Promise<T> => {
    const settled = await result;
    if (!settled.ok) throw new Error(settled.error);
    return settled.value;
  };

  const invoke = createInvokeRouter(
    {
      'app:info': () => appInfo(),
      'wall:get': ({ wallId }, window) => ops.wallView(ownWall(window, wallId)),
      'wall:boot': ({ wallId }, window) => {
        const view = ops.wallView(ownWall(window, wallId));
        const boot = wallBootCamerasOf(view, (cameraId) => model.latest('camera', cameraId)?.payload, config.cameras.decodeBudget ?? null);
        const cameraRecords = [...new Set(boot.cameras.map((c) => c.source.cameraId))].flatMap((cameraId) => model.latest('camera', cameraId) ?? []);
        return { ...boot, info: appInfo(), view, cameraRecords };
      },
      'operator:state': () => ops.operatorState(),
      'hub:state': () => ({ connection: hub.connection(), snapshot: model.snapshot() }),
      'command:run': (envelope, window) => {
        const caller = callerOf(window, stationOf(window), operatorOf(window));
        if (!caller) throw new Error('sign in first');
        return unwrap(ops.run(caller, envelope));
      },
      'key:press': ({ accelerator }, window) =>
        unwrap(window.role === 'wall' ? ops.pressKey({ wallId: window.wallId }, accelerator, undefined) : ops.pressKey('console', accelerator, operatorOf(window))),
      'wall:heartbeat': (_request, window) => {
        if (window.role === 'wall') liveness.beat(window);
        return null;
      },
      'log:report': (report, window) => {
        liveness.report(window, report);
        return null;
      },
      ...accessHandlers({ access, mode: options.mode }),
    },
    log.child('invoke'),
    (window) => (window.role === 'console' ? (access.seats.operatorOn(window.seat) ?? null) : null),
  );

  return {
    config,
    configErrors,
    contentSecurityPolicy: buildContentSecurityPolicy([...hubUrls.map((url) => url.replace(/^ws/, 'http')), ...config.mediaOrigins]),
    hubUrl: hubUrls[0],
    map: map.routes,
    language: () => ops.language(),
    invoke,
    globalKey: (accelerator, consoleSeat) => ops.pressKey('global', accelerator, consoleSeat ? access.seats.operatorOn(consoleSeat) : access.localOperator()),
    access,
    signIn: (request, origin) => access.control.signIn(request, origin),
    windowOpened: (window) => {
      if (window.role !== 'wall') return () => undefined;
      const present = ops.windowOpened(window.wallId);
      const watched = liveness.opened(window);
      return () => {
        present();
        watched();
      };
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPlacements: (placements) => ops.setPlacements(placements),
    setWallUrlBase: (base) => ops.setWallUrls((wallId) => wallUrlWithKey(base, wallId)),
    wallUrl: (base, wallId) => wallUrlWithKey(base, wallId),
    setKeyStatus: (status) => ops.setKeyStatus(status),
    setShell: (shell) => ops.setShell(shell),
    liveness,
    close: async () => {
      listeners.clear();
      liveness.stop();
      ops.close();
      hub.close();
      // After the hub link, so no message arrives between the last flush and the close.
      cache.close();
      access.close();
      map.close();
      await demo?.close();
    },
  };
}
