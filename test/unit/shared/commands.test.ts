import { describe, expect, it } from 'vitest';
import { CALLER_KINDS, describeCaller, type Caller } from '../../../src-shared/caller';
import { COMMAND_NAMES, COMMANDS, commandLabel, mayIssue } from '../../../src-shared/commands';

describe('the command table', () => {
  it('gives every command a payload schema, a result schema, issuers and a label in both languages', () => {
    expect(COMMAND_NAMES.length).toBeGreaterThanOrEqual(20);
    for (const name of COMMAND_NAMES) {
      const spec = COMMANDS[name];
      expect(spec.issuers.length, name).toBeGreaterThan(0);
      expect(spec.issuers.every((kind) => (CALLER_KINDS as readonly string[]).includes(kind)), name).toBe(true);
      expect(spec.vi.trim().length, name).toBeGreaterThan(4);
      expect(spec.en.trim().length, name).toBeGreaterThan(4);
      expect(spec.vi, `${name} is Vietnamese, not English`).not.toBe(spec.en);
      // Both labels fill the same fields.
      const fields = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(fields(spec.en), name).toEqual(fields(spec.vi));
    }
  });

  it('lets a wall window issue only what is local to its wall: enlarge, back, tours, snapshots', () => {
    const forWalls = COMMAND_NAMES.filter((name) => mayIssue(name, 'wall-window'));
    expect(forWalls.sort()).toEqual(['camera.save-snapshot', 'map.open-camera', 'tour.control', 'wall.enlarge', 'wall.restore']);
    for (const name of forWalls) expect((COMMANDS[name] as { wallLocal?: boolean }).wallLocal, name).toBe(true);
  });

  it('keeps changing what walls show for the console, keys, schedules, agendas and rules', () => {
    expect(mayIssue('preset.apply', 'console')).toBe(true);
    expect(mayIssue('preset.apply', 'shortcut')).toBe(true);
    expect(mayIssue('preset.apply', 'schedule')).toBe(true);
    expect(mayIssue('preset.apply', 'agenda')).toBe(true);
    expect(mayIssue('preset.apply', 'wall-window')).toBe(false);
    expect(mayIssue('wall.set-layout', 'wall-window')).toBe(false);
    expect(mayIssue('wall.push', 'wall-window')).toBe(false);
    expect(mayIssue('walls.undo', 'wall-window')).toBe(false);
    expect(mayIssue('alert.acknowledge', 'wall-window')).toBe(false);
    // A schedule starts agendas and applies presets; it does not push tiles or undo.
    expect(mayIssue('agenda.start', 'schedule')).toBe(true);
    expect(mayIssue('walls.undo', 'schedule')).toBe(false);
    expect(mayIssue('wall.push', 'schedule')).toBe(false);
  });

  it('checks payloads strictly: unknown fields and wrong types are refused', () => {
    expect(COMMANDS['preset.apply'].payload.safeParse({ presetId: 'giao-ban' }).success).toBe(true);
    expect(COMMANDS['preset.apply'].payload.safeParse({ presetId: 'giao-ban', extra: 1 }).success).toBe(false);
    expect(COMMANDS['preset.apply-number'].payload.safeParse({ number: 10 }).success).toBe(false);
    expect(COMMANDS['wall.push'].payload.safeParse({ wallId: '1', tileId: 'a', content: { kind: 'text', text: 'x' } }).success).toBe(false);
    expect(COMMANDS['wall.push'].payload.safeParse({ wallId: '1', tileId: 'a', content: { kind: 'camera', cameraId: '../x' } }).success).toBe(false);
    expect(COMMANDS['tour.control'].payload.safeParse({ wallId: '1', tileId: null, action: 'rewind' }).success).toBe(false);
  });

  it('fills labels from the payload and leaves an unknown field visible', () => {
    expect(commandLabel('preset.apply-number', 'vi', { number: 3 })).toBe('Áp dụng kịch bản số 3');
    expect(commandLabel('preset.apply-number', 'en', { number: 3 })).toBe('Apply preset 3');
    expect(commandLabel('wall.set-layout', 'vi')).toContain('{wallId}');
  });

  it('describes every kind of caller in one line', () => {
    const callers: Caller[] = [
      { kind: 'console', station: 'IOC-WS-01', operator: { username: 'an.nguyen', name: 'Nguyễn Văn An', role: 'operator' } },
      { kind: 'wall-window', wallId: '2' },
      { kind: 'shortcut', accelerator: 'Ctrl+Alt+2', from: { wallId: '1' }, station: 'IOC-WS-01' },
      { kind: 'shortcut', accelerator: 'Ctrl+Alt+Z', from: 'global', station: 'IOC-WS-01', operator: { username: 'an.nguyen', name: 'Nguyễn Văn An', role: 'operator' } },
      { kind: 'schedule', scheduleId: 'sang-thu-hai' },
      { kind: 'agenda', agendaId: 'giao-ban', step: 1 },
      { kind: 'rule', ruleId: 'va-cham', alertId: 'a-1' },
    ];
    expect(callers.map(describeCaller)).toEqual([
      'console (IOC-WS-01) — an.nguyen',
      'wall window 2',
      'key Ctrl+Alt+2 on wall 1 (IOC-WS-01)',
      'key Ctrl+Alt+Z global (IOC-WS-01) — an.nguyen',
      'schedule sang-thu-hai',
      'agenda giao-ban step 2',
      'rule va-cham (alert a-1)',
    ]);
  });
});
