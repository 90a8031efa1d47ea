import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Camera, Layout, Preset } from '../../src-shared/domain';
import { ingestOrThrow } from './ingest';
import { consoleBridge, type BridgeClient } from './bridge-client';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { startHlsFaultServer, type HlsFaultServer } from './hls-fault-server';
import { startHubProcess, type HubProcess } from './hub-process';

const TOKEN = 'e2e-camera-wall-token';
const KEY = 'e2e-camera-department-key-0123456789';

export interface CameraWallOptions {
  wallId: string;
  cameraIds: readonly string[];
  layouts: Layout[];
  presets?: Preset[];
  /** Pinned by default, so a test does not depend on this machine's core count. */
  decodeBudget?: number;
}

export interface CameraWall {
  faults: HlsFaultServer;
  hub: HubProcess;
  host: BrowserHost;
  bridge: BridgeClient;
  /** Raises (or updates) alerts on the hub, as the operations department would. */
  postAlerts(alerts: Alert[]): Promise<void>;
  /** Registers (or updates) cameras on the hub, as the camera department would. */
  postCameras(cameras: Camera[]): Promise<void>;
  /** The cameras as first registered. */
  cameras: Camera[];
  /** Stops the media (HLS) server, as a VMS going down or out of reach; `startMedia` brings it back on the same port. */
  stopMedia(): Promise<void>;
  startMedia(): Promise<void>;
  /** Stops the wall's host, as a wall PC going down; `startHost` starts it again on the same port and data. */
  stopHost(): Promise<void>;
  startHost(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real hub process announcing cameras that stream from the fault server (ffmpeg-made live HLS),
 * and a browser-mode host with the given walls, layouts and presets, plus a bridge client to
 * change layouts: everything a camera e2e spec drives.
 */
export async function startCameraWall(options: CameraWallOptions): Promise<CameraWall> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-camera-'));
  let faults = await startHlsFaultServer({ cameras: [...options.cameraIds] });
  const mediaPort = Number(new URL(faults.origin).port);
  const hubConfig = join(work, 'hub.json');
  const departments = [{ id: 'so-camera-e2e', name: 'Đội camera thử nghiệm', apiKey: KEY, topics: ['camera', 'alert'] }];
  writeFileSync(hubConfig, JSON.stringify({ host: '127.0.0.1', port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], departments }));
  const hub = await startHubProcess([`--config=${hubConfig}`]);
  const post = (topic: 'camera' | 'alert', records: object[]): Promise<void> => ingestOrThrow(hub.url, KEY, topic, records);
  const cameras: Camera[] = options.cameraIds.map((id) => ({
    id,
    name: `Camera ${id}`,
    district: 'TP. Vũng Tàu',
    subUrl: faults.url(id, 'sub'),
    mainUrl: faults.url(id, 'main'),
    stillUrl: faults.stillUrl(id),
    status: 'online',
  }));
  await post('camera', cameras);
  const hostConfig = {
    hub: { url: hub.url, token: TOKEN },
    mediaOrigins: [faults.origin],
    cameras: { decodeBudget: options.decodeBudget ?? 16 },
    walls: [{ id: options.wallId, name: 'Màn hình camera thử nghiệm', layoutId: options.layouts[0]!.id }],
    layouts: options.layouts,
    presets: options.presets ?? [],
  };
  let host = await startBrowserHost(hostConfig, { dataDir: join(work, 'wall') });
  const hostPort = Number(new URL(host.url).port);
  let hostUp = true;
  let mediaUp = true;
  const bridge = await consoleBridge(host);
  return {
    get faults() {
      return faults;
    },
    hub,
    get host() {
      return host;
    },
    bridge,
    stopMedia: async () => {
      mediaUp = false;
      await faults.close();
    },
    startMedia: async () => {
      faults = await startHlsFaultServer({ cameras: [...options.cameraIds], port: mediaPort });
      mediaUp = true;
    },
    stopHost: async () => {
      hostUp = false;
      await host.stop();
    },
    startHost: async () => {
      host = await startBrowserHost(hostConfig, { dataDir: join(work, 'wall'), port: hostPort });
      hostUp = true;
    },
    postAlerts: (alerts) => post('alert', alerts),
    postCameras: (records) => post('camera', records),
    cameras,
    stop: async () => {
      bridge.close();
      if (hostUp) await host.stop();
      await hub.stop();
      if (mediaUp) await faults.close();
    },
  };
}
