// Section (c) of the hub-storm bench: what one wall's catch-up costs in bytes on the wire and in the
// hub's CPU, for each way a snapshot can travel: gzipped chunks (what this hub sends walls that take
// chunks), plain chunks (compression off), one `hub:snapshot` event (older walls), and that one event
// with socket.io's per-message deflate — measured on a plain socket.io server in this process, since
// the hub does not offer it: deflate compresses per connection, so its CPU grows with every wall.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { forkBenchChild } from './bench-child';
import { startBenchHub, WALL_TOKEN } from './hub-storm-hub';
import type { StormFigures, WallsConfig } from './hub-storm-walls';
import { percentile } from './percentile';

/** Walls per measurement: enough to average the CPU per wall over. */
const WALLS = 20;

interface Measured {
  wireBytesPerWall: number | null;
  payloadBytesPerWall: number | null;
  cpuMsPerWall: number;
  live: number;
}

async function connectWalls(url: string, capabilities: string[], cpuNow: () => number, perMessageDeflate = false): Promise<Measured> {
  const walls = forkBenchChild('hub-storm-walls.ts');
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = cpuNow();
    walls.send({ role: 'storm', url, token: WALL_TOKEN, walls: WALLS, capabilities, keep: 0, timeoutMs: 60_000, perMessageDeflate } satisfies WallsConfig);
    const { result } = await walls.next<{ result: StormFigures }>();
    return {
      wireBytesPerWall: percentile(result.wireBytes.filter((b): b is number => b !== null), 50),
      payloadBytesPerWall: percentile(result.snapshotBytes, 50),
      cpuMsPerWall: Math.round(((cpuNow() - before) / WALLS) * 10) / 10,
      live: result.liveMs.filter((ms) => ms !== null).length,
    };
  } finally {
    await walls.kill();
  }
}

/** The hub's own line about encoding its snapshot: how long, and how big. */
function encodingLine(output: string): string | null {
  return /encoded the snapshot at seq \d+: .*/.exec(output)?.[0] ?? null;
}

async function onHub(script: string, messages: number, compress: boolean, capabilities: string[]): Promise<Record<string, unknown>> {
  const hub = await startBenchHub(script, messages, compress ? {} : { compressSnapshots: false });
  try {
    // A first wall has the snapshot encoded, so the figures below are the sending alone.
    await connectWalls(hub.url, capabilities, () => hub.cpuMs());
    const measured = await connectWalls(hub.url, capabilities, () => hub.cpuMs());
    return { ...measured, encoding: encodingLine(hub.output()) };
  } finally {
    await hub.stop();
  }
}

async function withDeflate(script: string, messages: number, deflate: boolean): Promise<Measured> {
  // The same snapshot the hub sends, taken from a hub, served by a bare socket.io server.
  const hub = await startBenchHub(script, messages);
  const state: unknown = await (await fetch(`${hub.url}/api/v1/state`, { headers: { Authorization: `Bearer ${WALL_TOKEN}` } })).json();
  await hub.stop();
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: deflate ? { threshold: 1024 } : false });
  io.on('connection', (socket) => {
    socket.emit('hub:snapshot', state);
    socket.emit('hub:live', { hubId: (state as { hubId: string }).hubId, seq: (state as { seq: number }).seq });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const cpu = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  try {
    return await connectWalls(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, [], cpu, true);
  } finally {
    await io.close();
  }
}

export async function benchSnapshotBytes(script: string, messages: number): Promise<Record<string, unknown>> {
  process.stderr.write('bench: hub-storm bytes per wall…\n');
  return {
    walls: WALLS,
    gzipChunks: await onHub(script, messages, true, ['snapshot-chunks']),
    plainChunks: await onHub(script, messages, false, ['snapshot-chunks']),
    singleEvent: await onHub(script, messages, true, []),
    singleEventPlainServer: await withDeflate(script, messages, false),
    singleEventPerMessageDeflate: await withDeflate(script, messages, true),
  };
}
