import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../src-shared/caller';
import { CONSOLE, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * The UI language is the operators' to switch, for every window at once: `app.set-language` is a
 * command like any other (checked, audited, logged in both languages), its choice is saved in the
 * host state before any window hears of it, survives a restart, and the config's `language` is
 * only the default until someone switches. Real state and audit files, a real restart.
 */

let harness: Harness | undefined;
afterEach(() => harness?.close());

const languageEvents = (h: Harness) => h.events.filter((e) => e.channel === 'app:language').map((e) => e.payload);
const VIEWER: Caller = { kind: 'console', station: 'ws', operator: { username: 'xem', name: 'Người xem', role: 'viewer' } };

describe('the UI language', () => {
  it('starts from the config, switches for every window on a console command, and says so in both languages', async () => {
    harness = startHarness();
    expect(harness.ops.language()).toBe('vi');
    expect(languageEvents(harness)).toEqual([]);

    await harness.console({ name: 'app.set-language', payload: { language: 'en' } });
    expect(harness.ops.language()).toBe('en');
    expect(languageEvents(harness)).toEqual([{ language: 'en' }]);
    expect(harness.ops.operatorState().recent[0]).toMatchObject({
      command: 'app.set-language',
      ok: true,
      label: { vi: 'Ngôn ngữ hiển thị: Tiếng Anh', en: 'Display language: English' },
      by: { vi: 'bàn điều khiển (test-ws) — an.nguyen', en: 'console (test-ws) — an.nguyen' },
    });

    // What a refused operator hears follows the switch; the log keeps both.
    await expect(harness.console({ name: 'walls.undo', payload: {} })).rejects.toThrow('Nothing to undo');
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ ok: false, error: { vi: 'Không có thay đổi nào để hoàn tác', en: 'Nothing to undo' } });

    // Choosing the language in force again changes nothing and tells no window.
    await harness.console({ name: 'app.set-language', payload: { language: 'en' } });
    expect(languageEvents(harness)).toEqual([{ language: 'en' }]);

    await harness.console({ name: 'app.set-language', payload: { language: 'vi' } });
    expect(harness.ops.language()).toBe('vi');
    expect(languageEvents(harness)).toEqual([{ language: 'en' }, { language: 'vi' }]);
    await expect(harness.console({ name: 'walls.undo', payload: {} })).rejects.toThrow('Không có thay đổi nào để hoàn tác');
  });

  it('survives a restart, and the config is only the default until someone switches', async () => {
    harness = startHarness({ ...TEST_CONFIG, language: 'en' });
    expect(harness.ops.language()).toBe('en');
    await harness.console({ name: 'app.set-language', payload: { language: 'vi' } });
    harness = harness.restart();
    expect(harness.ops.language()).toBe('vi');
    await harness.console({ name: 'app.set-language', payload: { language: 'en' } });
    harness = harness.restart();
    expect(harness.ops.language()).toBe('en');
    // A restart announces nothing: the windows ask app:info when they connect.
    expect(languageEvents(harness)).toEqual([]);
  });

  it('is refused to a viewer, a wall window and a bad payload, and each attempt is audited', async () => {
    harness = startHarness();
    await expect(harness.run(VIEWER, { name: 'app.set-language', payload: { language: 'en' } })).rejects.toThrow(/cần quyền điều hành/);
    await expect(harness.run({ kind: 'wall-window', wallId: '1' }, { name: 'app.set-language', payload: { language: 'en' } })).rejects.toThrow(/may not app.set-language/);
    const raw = await harness.ops.run(CONSOLE, { name: 'app.set-language', payload: { language: 'fr' } });
    expect(raw.ok).toBe(false);
    expect(harness.ops.language()).toBe('vi');
    expect(languageEvents(harness)).toEqual([]);

    await harness.console({ name: 'app.set-language', payload: { language: 'en' } });
    const rows = harness.audit.query({ limit: 100 }).reverse();
    const results = rows.filter((r) => r.kind === 'result' && r.action === 'app.set-language');
    expect(results.map((r) => r.result)).toEqual(['refused', 'refused', 'refused', 'ok']);
    expect(JSON.parse(results.at(-1)!.after!)).toEqual({ language: 'en' });
    expect(JSON.parse(results.at(-1)!.before!)).toEqual({ language: null });
  });
});
