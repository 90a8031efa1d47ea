import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE, layoutsOf, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * What the walls show is durable: the layouts, pushes, the active preset and undo survive a
 * restart of the host, are written before anyone hears of them, and a damaged state file falls
 * back to the config without taking the host down. Real SQLite files, a real host restart.
 */

let harness: Harness | undefined;
afterEach(() => harness?.close());

const stateFile = (h: Harness): string => join(h.dataDir, 'state', 'host-state.db');

describe('operator state across a restart', () => {
  it('keeps the applied preset: the walls come back on it and the console names it', async () => {
    harness = startHarness();
    expect(harness.ops.operatorState().activePresetId).toBe('sang');
    await harness.console({ name: 'preset.apply', payload: { presetId: 'giao-thong' } });
    expect(layoutsOf(harness)).toEqual({ '1': 'traffic', '2': 'grid', '3': 'kpis' });
    harness = harness.restart();
    expect(layoutsOf(harness)).toEqual({ '1': 'traffic', '2': 'grid', '3': 'kpis' });
    expect(harness.ops.operatorState().activePresetId).toBe('giao-thong');
    expect(harness.ops.wallView('1').source).toEqual({ kind: 'preset', id: 'giao-thong' });
  });

  it('keeps pushed tiles, the enlarged camera and the undo history, and undo still works after it', async () => {
    harness = startHarness();
    await harness.console({ name: 'wall.push', payload: { wallId: '1', tileId: 'b', content: { kind: 'camera', cameraId: 'cam-7' } } });
    await harness.console({ name: 'wall.focus-camera', payload: { wallId: '2', cameraId: 'cam-8' } });
    harness = harness.restart();
    const one = harness.ops.wallView('1');
    expect(one.pushedTileIds).toEqual(['b']);
    expect(one.layout.tiles.find((t) => t.id === 'b')).toMatchObject({ kind: 'camera', cameraId: 'cam-7', area: { col: 2, row: 1 } });
    const two = harness.ops.wallView('2');
    expect(two.enlargedTileId).toBe('wall-focus');
    expect(two.focus).toMatchObject({ kind: 'camera', cameraId: 'cam-8', area: { col: 1, row: 1, colSpan: 2, rowSpan: 1 } });
    expect(harness.ops.operatorState().undo?.label).toEqual({ vi: 'Tường 2: phóng to Camera cam-8', en: 'Tường 2: Camera cam-8 enlarged' });
    await harness.console({ name: 'walls.undo', payload: {} });
    expect(harness.ops.wallView('2').focus).toBeNull();
    await harness.console({ name: 'walls.undo', payload: {} });
    expect(harness.ops.wallView('1').pushedTileIds).toEqual([]);
    await expect(harness.console({ name: 'walls.undo', payload: {} })).rejects.toThrow(/Không có thay đổi nào để hoàn tác/);
  });

  it('writes a change to the state file before it tells any window', async () => {
    harness = startHarness();
    const file = stateFile(harness);
    const seen: Array<string | null> = [];
    const original = harness.events.push.bind(harness.events);
    // At the moment the wall's view goes out, a second reader must already find it on disk.
    harness.events.push = (...items) => {
      for (const item of items) {
        if (item.channel !== 'wall:view') continue;
        const db = new Database(file, { readonly: true });
        try {
          const row = db.prepare("SELECT json FROM parts WHERE name = 'walls'").get() as { json: string } | undefined;
          seen.push(row ? (JSON.parse(row.json) as Record<string, { layoutId: string }>)['3']!.layoutId : null);
        } finally {
          db.close();
        }
      }
      return original(...items);
    };
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '3', layoutId: 'grid' } });
    expect(seen).toEqual(['grid']);
  });

  it('undo leaves a wall alone that changed again since, and says so', async () => {
    harness = startHarness();
    await harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } });
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '2', layoutId: 'grid' } });
    // Wall 2's own window enlarges a camera after the operator's change.
    await harness.run({ kind: 'wall-window', wallId: '2' }, { name: 'wall.enlarge', payload: { wallId: '2', tileId: 'a' } });
    await harness.console({ name: 'walls.undo', payload: {} });
    expect(layoutsOf(harness)).toEqual({ '1': 'night', '2': 'grid', '3': 'night' });
    expect(harness.ops.operatorState().recent[0]?.label.vi).toBe('Hoàn tác: Tường 2: bố cục Lưới camera (màn hình 2 đã thay đổi sau đó, giữ nguyên)');
    // The preset before it is undone on the walls that still show it.
    await harness.console({ name: 'walls.undo', payload: {} });
    expect(layoutsOf(harness)).toEqual({ '1': 'grid', '2': 'grid', '3': 'night' });
    expect(harness.ops.operatorState().activePresetId).toBeNull();
  });

  it('moves a damaged state file aside and starts from the config, saying so on the console', async () => {
    harness = startHarness();
    await harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } });
    harness.close();
    const file = stateFile(harness);
    writeFileSync(file, 'this is not a database, it is a cup of coffee'.repeat(200));
    harness = startHarness(TEST_CONFIG, harness.dataDir);
    expect(layoutsOf(harness)).toEqual({ '1': 'grid', '2': 'kpis', '3': 'night' });
    const store = harness.ops.operatorState().stateStore;
    expect(store.status).toBe('rebuilt');
    expect(store.detail).toMatch(/moved to .*host-state\.db\.corrupt-/);
    expect(readdirSync(join(harness.dataDir, 'state')).some((f) => f.startsWith('host-state.db.corrupt-'))).toBe(true);
    // And the fresh file works: a change survives the next restart.
    await harness.console({ name: 'preset.apply', payload: { presetId: 'giao-thong' } });
    harness = harness.restart();
    expect(harness.ops.operatorState().activePresetId).toBe('giao-thong');
    expect(harness.ops.operatorState().stateStore.status).toBe('ok');
  });

  it('drops what the config no longer has: a saved layout that was removed falls back to the wall’s own', async () => {
    harness = startHarness();
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '3', layoutId: 'traffic' } });
    harness.close();
    const config = { ...TEST_CONFIG, layouts: TEST_CONFIG.layouts.filter((l) => l.id !== 'traffic'), presets: [TEST_CONFIG.presets[0]!] };
    harness = startHarness(config, harness.dataDir);
    expect(layoutsOf(harness)['3']).toBe('night');
    expect(harness.log.lines.some((l) => /wall 3: saved layout "traffic" no longer exists/.test(l))).toBe(true);
    expect(existsSync(stateFile(harness))).toBe(true);
  });
});

describe('who may do what', () => {
  it('refuses a wall window everything but its own wall’s enlargement, tours and snapshots', async () => {
    harness = startHarness();
    const wall1 = { kind: 'wall-window', wallId: '1' } as const;
    await expect(harness.run(wall1, { name: 'preset.apply', payload: { presetId: 'dem' } })).rejects.toThrow(/wall window 1 may not preset.apply/);
    await expect(harness.run(wall1, { name: 'wall.set-layout', payload: { wallId: '1', layoutId: 'night' } })).rejects.toThrow(/may not wall.set-layout/);
    await expect(harness.run(wall1, { name: 'walls.undo', payload: {} })).rejects.toThrow(/may not walls.undo/);
    await expect(harness.run(wall1, { name: 'wall.enlarge', payload: { wallId: '2', tileId: 'k1' } })).rejects.toThrow(/only change what is on its own wall/);
    await expect(harness.run(wall1, { name: 'wall.enlarge', payload: { wallId: '1', tileId: 'a' } })).resolves.toBeNull();
    expect(harness.ops.wallView('1').enlargedTileId).toBe('a');
    // A refused command changes nothing and is in the console's log with who asked.
    expect(layoutsOf(harness)).toEqual({ '1': 'grid', '2': 'kpis', '3': 'night' });
    const refused = harness.ops.operatorState().recent.filter((r) => !r.ok);
    expect(refused.map((r) => r.by.en)).toEqual(['wall window 1', 'wall window 1', 'wall window 1', 'wall window 1']);
  });

  it('runs a batch all or nothing: one bad command leaves every wall as it was', async () => {
    harness = startHarness();
    const result = await harness.ops.dispatch(CONSOLE, [
      { name: 'wall.set-layout', payload: { wallId: '1', layoutId: 'night' } },
      { name: 'wall.set-layout', payload: { wallId: '2', layoutId: 'khong-co' } },
    ]);
    expect(result).toEqual({ ok: false, error: 'no layout with id "khong-co"' });
    expect(layoutsOf(harness)).toEqual({ '1': 'grid', '2': 'kpis', '3': 'night' });
  });

  it('answers malformed commands from a window with a reason, and keeps going', async () => {
    harness = startHarness();
    for (const envelope of [null, 'preset.apply', { name: 'rm -rf', payload: {} }, { name: 'preset.apply', payload: { presetId: 5 } }, { name: 'wall.push', payload: { wallId: '1', tileId: 'a', content: { kind: 'camera' } } }]) {
      const result = await harness.ops.run(CONSOLE, envelope);
      expect(result.ok).toBe(false);
    }
    await harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } });
    expect(layoutsOf(harness)['1']).toBe('night');
  });
});
