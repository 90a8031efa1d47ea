// Audit log figures (issue 9): bytes a command takes in the audit log as the host really writes it
// (commands dispatched through the operations with the command journal, on ten walls), how many years
// of a busy and of a quiet IOC fit in 1 GB, and how long one append takes with synchronous=FULL.
import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../../src-shared/commands';
import { percentile } from './percentile';
import { createMemoryLogger } from '../../src-shared/node/log';
import { openAuditLog } from '../../src-main/audit/audit-log';
import { CONSOLE, startHarness, TEST_CONFIG } from '../../test/helpers/operations-harness';

const COMMANDS = Number(process.env.BENCH_AUDIT_COMMANDS ?? 3000);
/** A busy room: presets, pushes and layout changes from several desks, keys, agendas and rules. */
const BUSY = { commandsPerDay: 5000, signInsPerDay: 200 };
const QUIET = { commandsPerDay: 500, signInsPerDay: 30 };
const GB = 1024 ** 3;
const SIGN_INS = 500;

/** The file as it rests: the WAL folded in, free pages dropped. */
function restingSize(file: string): number {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.close();
  return statSync(file).size;
}

/** Ten walls on the test layouts: the before/after pictures are the size a province wall gives them. */
function tenWalls(): object {
  const layouts = TEST_CONFIG.layouts.map((l) => l.id);
  const walls = Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1), name: `Màn hình ${i + 1}`, layoutId: layouts[i % layouts.length]! }));
  const presets = [0, 1, 2].map((p) => ({ id: `kich-ban-${p}`, name: `Kịch bản ${p}`, layouts: Object.fromEntries(walls.map((w, i) => [w.id, layouts[(i + p) % layouts.length]!])) }));
  return { ...TEST_CONFIG, walls, presets };
}

const mix = (i: number): Command => {
  const wallId = String((i % 10) + 1);
  switch (i % 4) {
    case 0:
      return { name: 'preset.apply', payload: { presetId: `kich-ban-${i % 3}` } };
    case 1:
      return { name: 'wall.set-layout', payload: { wallId, layoutId: ['grid', 'kpis', 'traffic', 'night'][i % 4]! } };
    case 2:
      return { name: 'wall.push', payload: { wallId, tileId: 'a', content: { kind: 'camera', cameraId: `cam-${i % 40}` } } } as Command;
    default:
      return { name: 'walls.undo', payload: {} };
  }
};

export async function benchAuditSize(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-audit-bench-'));
  const harness = startHarness(tenWalls(), dir);
  const file = join(dir, 'audit', 'audit.db');
  const started = harness.audit.query({ limit: 1 })[0]?.id ?? 0;
  const times: number[] = [];
  for (let i = 0; i < COMMANDS; i += 1) {
    const t = performance.now();
    await harness.ops.dispatch(CONSOLE, [mix(i)]);
    times.push(performance.now() - t);
  }
  const rows = (harness.audit.query({ limit: 1 })[0]?.id ?? 0) - started;
  harness.close();
  const commandBytes = restingSize(file);
  // Sign-ins (and their failures) are rows of their own, one each.
  const audit = openAuditLog({ file, log: createMemoryLogger('bench') });
  for (let i = 0; i < SIGN_INS; i += 1) {
    audit.append({ kind: 'sign-in', actor: 'console (trình duyệt 10.20.30.40)', operator: 'an.nguyen', station: 'trình duyệt 10.20.30.40', action: 'sign-in', detail: { address: '10.20.30.40', role: 'operator' }, result: 'ok' });
  }
  audit.close();
  const bytes = restingSize(file);
  const signInBytes = (bytes - commandBytes) / SIGN_INS;
  const perCommand = commandBytes / COMMANDS;
  const perDay = (day: typeof BUSY): number => day.commandsPerDay * perCommand + day.signInsPerDay * signInBytes;
  return {
    commands: COMMANDS,
    rows,
    fileMiB: +(bytes / 2 ** 20).toFixed(2),
    bytesPerCommand: Math.round(perCommand),
    bytesPerSignIn: Math.round(signInBytes),
    dispatchMs: { p50: +(percentile(times, 50) ?? 0).toFixed(2), p99: +(percentile(times, 99) ?? 0).toFixed(2) },
    busyDay: { ...BUSY, mbPerDay: +(perDay(BUSY) / 1e6).toFixed(2), yearsPerGB: +(GB / perDay(BUSY) / 365).toFixed(2) },
    quietDay: { ...QUIET, mbPerDay: +(perDay(QUIET) / 1e6).toFixed(2), yearsPerGB: +(GB / perDay(QUIET) / 365).toFixed(2) },
  };
}
