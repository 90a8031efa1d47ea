import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditFile } from '../../../src-main/audit/verify-audit-file';
import { join } from 'node:path';
import { alert, OPERATOR, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * Every command is in the audit log before it takes effect, with who, what, on which wall, before →
 * after and the result; so is what a rule does by itself. Real host state and audit files.
 */

let harness: Harness;
afterEach(() => {
  try {
    harness?.close();
  } catch {
    // The test that closes the audit log itself leaves nothing else to close.
  }
});

const rows = (h: Harness) => h.audit.query({ limit: 100 }).reverse();

describe('command journal', () => {
  it('writes the command row (pending, the walls before) before the state changes, then the result with before → after', async () => {
    harness = startHarness();
    // The state database is written after the command row: seen from inside the commit, the row is already there.
    const before = rows(harness).length;
    await harness.console({ name: 'preset.apply', payload: { presetId: 'giao-thong' } });
    const [command, result] = rows(harness).slice(before);
    expect(command).toMatchObject({ kind: 'command', result: 'pending', operator: 'an.nguyen', station: 'test-ws', action: 'preset.apply', actor: 'console (test-ws) — an.nguyen' });
    expect(JSON.parse(command!.before!)).toMatchObject({ walls: { '1': 'grid', '2': 'kpis', '3': 'night' } });
    expect(JSON.parse(command!.detail!)).toEqual([{ name: 'preset.apply', payload: { presetId: 'giao-thong' } }]);
    expect(result).toMatchObject({ kind: 'result', ref: command!.id, result: 'ok', action: 'preset.apply' });
    expect(JSON.parse(result!.before!)).toMatchObject({ preset: 'sang', walls: { '1': { layoutId: 'grid' }, '2': { layoutId: 'kpis' }, '3': { layoutId: 'night' } } });
    expect(JSON.parse(result!.after!)).toMatchObject({ preset: 'giao-thong', walls: { '1': { layoutId: 'traffic' }, '2': { layoutId: 'grid' }, '3': { layoutId: 'kpis' } } });
  });

  it('does nothing when the row cannot be written: the walls stay as they were and the operator is told why', async () => {
    harness = startHarness();
    const before = harness.ops.operatorState().walls.map((w) => w.view.layout.id);
    harness.audit.close();
    await expect(harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } })).rejects.toThrow(/không ghi được nhật ký kiểm tra/);
    expect(harness.ops.operatorState().walls.map((w) => w.view.layout.id)).toEqual(before);
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ ok: false, command: 'preset.apply' });
  });

  it('records a refused command with why, and a wall window’s attempt beyond its wall', async () => {
    harness = startHarness();
    await expect(harness.console({ name: 'preset.apply', payload: { presetId: 'khong-co' } })).rejects.toThrow();
    await expect(harness.run({ kind: 'wall-window', wallId: '2' }, { name: 'wall.enlarge', payload: { wallId: '1', tileId: 'a' } })).rejects.toThrow();
    await expect(harness.run({ kind: 'console', station: 'test-ws', operator: { ...OPERATOR, role: 'viewer' } }, { name: 'walls.undo', payload: {} })).rejects.toThrow();
    const results = rows(harness).filter((r) => r.kind === 'result');
    expect(results.map((r) => [r.action, r.result])).toEqual([
      ['preset.apply', 'refused'],
      ['wall.enlarge', 'refused'],
      ['walls.undo', 'refused'],
    ]);
    expect(results[0]?.error).toMatch(/khong-co/);
    expect(rows(harness).find((r) => r.action === 'wall.enlarge' && r.kind === 'command')).toMatchObject({ actor: 'wall window 2', operator: null, wallId: '1' });
    expect(results[2]?.error).toMatch(/an.nguyen \(theo dõi\) không được thực hiện thao tác «Hoàn tác thay đổi gần nhất trên các màn hình»/);
  });

  it('records what a rule does by itself, and the chain holds across a restart of the host', async () => {
    harness = startHarness({ ...TEST_CONFIG, rules: [{ id: 'va-cham', name: 'Va chạm', match: { categories: ['va-cham-giao-thong'] }, wallId: '3', action: { kind: 'camera' }, revertAfterMinutes: 10, minIntervalSeconds: 0 }] });
    harness.hubAlerts(alert('vc-1'));
    const takeover = rows(harness).find((r) => r.action === 'takeover.start');
    expect(takeover).toMatchObject({ kind: 'command', result: 'ok', actor: 'rule va-cham (alert vc-1)', operator: null });
    expect(JSON.parse(takeover!.after!)).toMatchObject({ takeovers: ['3'] });
    harness = harness.restart();
    await harness.console({ name: 'walls.undo', payload: {} }).catch(() => undefined);
    expect(verifyAuditFile(join(harness.dataDir, 'audit', 'audit.db'))).toMatchObject({ ok: true });
  });
});
