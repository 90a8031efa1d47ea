import { join } from 'node:path';
import type { EventChannel, EventPayload, InvokeResult, WallSummary } from '../src-shared/ipc';
import { startDemoHub, type DemoHub } from '../src-hub/start-demo-hub';
import { openWallCache } from './cache/open-wall-cache';
import { loadConfig, type AppConfig } from './config/load-config';
import { connectHubClient, type HubClient } from './hub/hub-client';
import { createInvokeRouter } from './invoke-router';
import type { Logger } from '../src-shared/node/log';
import { buildContentSecurityPolicy } from './security/csp';
import { createSnapshotStore } from './snapshots/snapshot-store';
import { createWallLayouts } from './walls/wall-layouts';

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

export interface Placement {
  index: number;
  label: string;
}

export interface AppCore {
  readonly config: AppConfig;
  readonly configErrors: string[];
  readonly contentSecurityPolicy: string;
  /** Base URL of the hub in use (embedded or remote). */
  readonly hubUrl: string;
  dispatch(channel: unknown, request: unknown): Promise<InvokeResult<unknown>>;
  onEvent(listener: EventListener): () => void;
  setPlacements(placements: ReadonlyMap<string, Placement>): void;
  /** Browser mode: where the walls are served, so the console can link them. */
  setWallUrlBase(base: string): void;
  close(): Promise<void>;
}

/**
 * Everything the app does that is not a window: config, the wall cache, the hub link (embedded demo
 * hub when no URL is configured) and the answers to renderer requests. Plain Node, shared by
 * Electron and browser mode.
 */
export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const { log } = options;
  const configPath = options.configPath ?? process.env.IOC_WALL_CONFIG ?? join(options.userDataDir, 'ioc-wall.json');
  const { config, errors: configErrors } = loadConfig(configPath, log.child('config'));

  // The cache first, before anything touches the network: `hub:state` answers from it at once, so a
  // wall paints what it last knew while the hub is slow, down or unreachable.
  const { cache, model } = openWallCache({ file: join(options.userDataDir, 'cache', 'wall-cache.db'), log: log.child('cache') });

  let demo: DemoHub | undefined;
  let hubUrl = config.hub.url;
  if (!hubUrl) {
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
      throw error;
    }
    hubUrl = demo.hub.url;
  }

  const listeners = new Set<EventListener>();
  const emit: EventListener = (channel, payload) => listeners.forEach((listener) => listener(channel, payload));
  const hub: HubClient = connectHubClient({
    url: hubUrl,
    token: config.hub.token,
    log: log.child('hub'),
    model,
    cache,
    onStatus: (state) => emit('hub:status', state),
    onSnapshot: (snapshot) => emit('hub:snapshot', snapshot),
    onMessages: (batch) => emit('hub:messages', batch),
  });

  let placements: ReadonlyMap<string, Placement> = new Map();
  let wallUrlBase: string | undefined;

  const wallLayouts = createWallLayouts(config.walls, config.layouts, config.presets);
  const snapshots = createSnapshotStore({ dir: join(options.userDataDir, 'snapshots'), log: log.child('snapshots') });

  const dispatch = createInvokeRouter(
    {
      'app:info': () => ({
        name: 'IOC Wall',
        version: options.version,
        language: config.language,
        mode: options.mode,
        hub: demo ? 'embedded' : 'remote',
        configErrors,
        staleAfterSeconds: config.staleAfterSeconds,
        cameraDecodeBudget: config.cameras.decodeBudget ?? null,
      }),
      'wall:get': ({ wallId }) => wallLayouts.view(wallId),
      'wall:list': () =>
        wallLayouts.views().map(({ wall, layout }): WallSummary => ({
          wall,
          layout,
          display: placements.get(wall.id) ?? null,
          ...(wallUrlBase ? { url: `${wallUrlBase}/wall/${encodeURIComponent(wall.id)}` } : {}),
        })),
      'wall:set-layout': ({ wallId, layoutId }) => {
        const view = wallLayouts.setLayout(wallId, layoutId);
        log.info(`wall ${wallId} now shows layout ${layoutId}`);
        emit('wall:view', { wallId, view });
        return view;
      },
      'preset:list': () => wallLayouts.presetState(),
      'preset:apply': ({ presetId }) => {
        const changed = wallLayouts.applyPreset(presetId);
        log.info(`preset ${presetId} applied; ${changed.length} wall(s) changed layout`);
        changed.forEach((view) => emit('wall:view', { wallId: view.wall.id, view }));
        return wallLayouts.presetState();
      },
      'hub:state': () => ({ connection: hub.connection(), snapshot: model.snapshot() }),
      'camera:save-snapshot': (request) => snapshots.save(request),
    },
    log.child('invoke'),
  );

  return {
    config,
    configErrors,
    contentSecurityPolicy: buildContentSecurityPolicy([hubUrl.replace(/^ws/, 'http'), ...config.mediaOrigins]),
    hubUrl,
    dispatch,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPlacements: (next) => {
      placements = next;
    },
    setWallUrlBase: (base) => {
      wallUrlBase = base.replace(/\/$/, '');
    },
    close: async () => {
      listeners.clear();
      hub.close();
      // After the hub link, so no message arrives between the last flush and the close.
      cache.close();
      await demo?.close();
    },
  };
}
