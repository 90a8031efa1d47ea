import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { createAccessControl } from '../../../src-main/access/access-control';
import { exportAuditCsv } from '../../../src-main/audit/audit-csv';
import { openAuditLog, type AuditLog } from '../../../src-main/audit/audit-log';
import { verifyAuditFile } from '../../../src-main/audit/verify-audit-file';
import { TEST_OPERATORS, testOperatorAccounts } from '../../helpers/test-operators';

/**
 * The audit log on real SQLite files: rows appended with a hash chain, refused to UPDATE and DELETE,
 * found again after a restart, checked by `npm run audit:verify` (which finds a changed, removed or
 * reordered row), filtered for the console and exported as CSV; and the sign-in rows it gets.
 */

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);
const VN_DAY = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

function fresh(now: () => number = Date.now): { audit: AuditLog; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'ioc-audit-')), 'audit.db');
  return { audit: openAuditLog({ file, log: createMemoryLogger('audit'), now }), file };
}

function fill(audit: AuditLog, rows: number): void {
  for (let i = 0; i < rows; i += 1) {
    const ref = audit.append({ kind: 'command', actor: 'console (Bàn 1) — an', operator: 'an', station: 'Bàn 1', action: 'preset.apply', wallId: null, detail: [{ name: 'preset.apply', payload: { presetId: `p-${i}` } }], before: { preset: 'a' }, result: 'pending' }).id;
    audit.append({ kind: 'result', actor: 'console (Bàn 1) — an', operator: 'an', action: 'preset.apply', ref, result: i % 5 === 0 ? 'refused' : 'ok', error: i % 5 === 0 ? 'không có kịch bản "x, y"' : null });
  }
}

async function verifyCli(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/audit-verify.ts'), `--file=${file}`]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('audit log', () => {
  it('chains every row to the one before, survives a restart, and the app cannot change or delete a row', () => {
    const { audit, file } = fresh();
    fill(audit, 10);
    audit.close();
    const reopened = openAuditLog({ file, log: createMemoryLogger('audit') });
    // The chain goes on from the last row of the file, not from a fresh start.
    expect(reopened.append({ kind: 'sign-out', actor: 'x', action: 'sign-out', result: 'ok' }).id).toBe(21);
    reopened.close();
    expect(verifyAuditFile(file)).toMatchObject({ ok: true, rows: 21 });
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit SET result = 'ok' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE id = 21').run()).toThrow(/append-only/);
    db.close();
  });

  it('`npm run audit:verify` passes an intact log and names the first row changed, removed or reordered', async () => {
    const { audit, file } = fresh();
    fill(audit, 20);
    audit.close();
    const intact = await verifyCli(file);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/40 rows, chain intact; last hash [0-9a-f]{64}/);

    // Whoever tampers can drop the triggers first; the chain still tells.
    const tamper = (sql: string): string => {
      const copy = join(mkdtempSync(join(tmpdir(), 'ioc-audit-t-')), 'audit.db');
      copyFileSync(file, copy);
      const db = new Database(copy);
      db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
      db.exec(sql);
      db.close();
      return copy;
    };
    const changed = await verifyCli(tamper("UPDATE audit SET operator = 'binh' WHERE id = 7"));
    expect(changed).toMatchObject({ code: 1 });
    expect(changed.out).toMatch(/BROKEN at row 7 .*changed after it was written/);
    const removed = await verifyCli(tamper('DELETE FROM audit WHERE id = 12'));
    expect(removed.out).toMatch(/BROKEN at row 13 .*rows 12…12 are missing/);
    // A row rewritten with a fresh hash of its own still breaks the next row's link.
    const copy = tamper("UPDATE audit SET error = NULL WHERE id = 2");
    const db = new Database(copy);
    const { rowHash } = await import('../../../src-main/audit/audit-chain');
    const row = db.prepare('SELECT id, at, kind, actor, operator, station, action, wall_id AS wallId, detail, before, after, result, ref, error, prev_hash AS prevHash FROM audit WHERE id = 2').get() as Parameters<typeof rowHash>[0];
    db.prepare('UPDATE audit SET hash = ? WHERE id = 2').run(rowHash(row));
    db.close();
    expect((await verifyCli(copy)).out).toMatch(/BROKEN at row 3 .*does not follow the hash of row 2/);
    expect((await verifyCli(join(tmpdir(), 'no-such-audit.db'))).code).toBe(2);
  });

  it('filters for the console, newest first, by account, action prefix, wall, result and Vietnam dates', () => {
    let now = Date.parse('2026-11-29T16:30:00Z'); // 23:30 in Vietnam on the 29th
    const { audit } = fresh(() => now);
    audit.append({ kind: 'sign-in', actor: 'console', operator: 'an', action: 'sign-in', result: 'ok' });
    now += 60 * 60_000; // 00:30 on the 30th, Vietnam time
    const ref = audit.append({ kind: 'command', actor: 'console — binh', operator: 'binh', action: 'wall.set-layout', wallId: '2', result: 'pending' }).id;
    audit.append({ kind: 'result', actor: 'console — binh', operator: 'binh', action: 'wall.set-layout', wallId: '2', ref, result: 'refused', error: 'no' });
    audit.append({ kind: 'command', actor: 'console — an', operator: 'an', action: 'preset.apply', result: 'pending' });
    expect(audit.query({}).map((r) => r.id)).toEqual([4, 3, 2, 1]);
    expect(audit.query({ operator: 'AN' }).map((r) => r.id)).toEqual([4, 1]);
    expect(audit.query({ action: 'wall.' }).map((r) => r.id)).toEqual([3, 2]);
    expect(audit.query({ action: '%' })).toEqual([]);
    expect(audit.query({ wallId: '2', result: 'refused' }).map((r) => r.id)).toEqual([3]);
    expect(audit.query({ toDate: '2026-11-29' }).map((r) => r.id)).toEqual([1]);
    expect(audit.query({ fromDate: '2026-11-30', toDate: '2026-11-30' }).map((r) => r.id)).toEqual([4, 3, 2]);
    expect(audit.query({ beforeId: 3, limit: 1 }).map((r) => r.id)).toEqual([2]);
    expect(audit.query({})[0]?.at).toBe('2026-11-30T00:30:00.000+07:00');
  });

  it('exports a date range as CSV that a spreadsheet reads: BOM, both languages in the heading, quoted commas, every row', () => {
    const { audit } = fresh();
    fill(audit, 30);
    const today = VN_DAY(Date.now());
    const out = exportAuditCsv(audit, { fromDate: today, toDate: today });
    expect(out).toMatchObject({ rows: 60, truncated: false, fileName: `nhat-ky-thao-tac_${today}_${today}.csv` });
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(out.csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(60);
    expect(Object.keys(rows[0]!)).toContain('Thời gian (giờ Việt Nam) / time');
    expect(rows[1]!['Lỗi / error']).toBe('không có kịch bản "x, y"');
    expect(rows.map((r) => Number(r['STT / id']))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(exportAuditCsv(audit, { fromDate: today, toDate: today }, 25)).toMatchObject({ rows: 25, truncated: true });
    expect(exportAuditCsv(audit, { fromDate: '2020-01-01', toDate: '2020-01-02' }).rows).toBe(0);
  });
});

describe('sign-in audit and throttling', () => {
  it('records each sign-in and failure, slows an address down after three failures even for the right password, and lets it in after the wait', async () => {
    const { audit } = fresh();
    let now = 1_000_000;
    const access = createAccessControl({
      accounts: await testOperatorAccounts(),
      limits: { maxHours: 12, idleMinutes: 60 },
      throttle: { freeFailures: 3, baseDelayMs: 5_000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 },
      audit,
      log: createMemoryLogger('sign-in'),
      now: () => now,
    });
    const from = { address: '10.0.0.7', station: 'trình duyệt 10.0.0.7' };
    const { username, password } = TEST_OPERATORS.operator;
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await access.signIn({ username, password: `sai-${i}` }, from));
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason))).toEqual(['wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials']);
    expect(await access.signIn({ username, password }, from)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 5 });
    // An account that does not exist costs the same and says the same.
    expect(await access.signIn({ username: 'khong-co', password: 'x' }, { ...from, address: '10.0.0.8' })).toMatchObject({ ok: false, reason: 'wrong-credentials' });
    now += 5_000;
    const good = await access.signIn({ username: username.toUpperCase(), password }, from);
    expect(good).toMatchObject({ ok: true, session: { username, role: 'operator' } });
    expect(access.use(good.ok ? good.token : '')?.operator.username).toBe(username);
    const rows = audit.query({ limit: 20 }).reverse();
    expect(rows.map((r) => `${r.kind}:${r.result}`)).toEqual([...Array(5).fill('sign-in-failed:refused'), 'sign-in-failed:refused', 'sign-in:ok']);
    expect(JSON.parse(rows[4]!.detail!)).toMatchObject({ why: 'throttled', address: '10.0.0.7' });
    expect(JSON.parse(rows[5]!.detail!)).toMatchObject({ why: 'no such account' });
    // The password is never in the log.
    expect(JSON.stringify(rows)).not.toContain(password);
  });
});
