import { z } from 'zod';
import { operatorSchema, type Operator } from './access';
import type { Bilingual } from './bilingual';
import { idSchema } from './domain';

/**
 * Who asks the host to do something. The host sets it from how the request arrived (which window,
 * which key, which schedule or rule), never from what the request claims, and every command is
 * checked against it and logged with it.
 */
export const CALLER_KINDS = ['console', 'wall-window', 'shortcut', 'schedule', 'agenda', 'rule'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** Where a key was pressed: a global shortcut (Electron), or inside the console or a wall window. */
export const keySourceSchema = z.union([z.literal('global'), z.literal('console'), z.object({ wallId: idSchema })]);
export type KeySource = z.infer<typeof keySourceSchema>;

export const callerSchema = z.discriminatedUnion('kind', [
  /** The operator console: the workstation, and the operator signed in on it (their role decides what they may do). */
  z.object({ kind: z.literal('console'), station: z.string().min(1).max(120), operator: operatorSchema }),
  /** A wall window: may only change what is local to its own wall. */
  z.object({ kind: z.literal('wall-window'), wallId: idSchema }),
  /**
   * A key of the key table; the host resolved it to its command. Pressed on the console or as a
   * global shortcut it acts as the operator signed in there; pressed on a wall window it has no
   * operator, and may only do what the wall window itself may.
   */
  z.object({ kind: z.literal('shortcut'), accelerator: z.string().min(1).max(64), from: keySourceSchema, station: z.string().min(1).max(120), operator: operatorSchema.optional() }),
  z.object({ kind: z.literal('schedule'), scheduleId: idSchema }),
  z.object({ kind: z.literal('agenda'), agendaId: idSchema, step: z.number().int().min(0) }),
  z.object({ kind: z.literal('rule'), ruleId: idSchema, alertId: idSchema }),
]);
export type Caller = z.infer<typeof callerSchema>;

/** One line for logs, the console and the audit log: "console (IOC-WS-01) — nguyen.van.an", "key Ctrl+Alt+2 on wall 1". */
export function describeCaller(caller: Caller): string {
  switch (caller.kind) {
    case 'console':
      return `console (${caller.station}) — ${caller.operator.username}`;
    case 'wall-window':
      return `wall window ${caller.wallId}`;
    case 'shortcut': {
      const where = caller.from === 'global' ? 'global' : caller.from === 'console' ? 'on the console' : `on wall ${caller.from.wallId}`;
      return `key ${caller.accelerator} ${where} (${caller.station})${caller.operator ? ` — ${caller.operator.username}` : ''}`;
    }
    case 'schedule':
      return `schedule ${caller.scheduleId}`;
    case 'agenda':
      return `agenda ${caller.agendaId} step ${caller.step + 1}`;
    case 'rule':
      return `rule ${caller.ruleId} (alert ${caller.alertId})`;
  }
}

/**
 * Who asked, for the console's list of recent commands, in both languages: the Vietnamese for
 * operators ("bàn điều khiển (IOC-WS-01) — an.nguyen", "phím Ctrl+Alt+2 trên màn hình 1"), the
 * English as the log writes it.
 */
export function callerWords(caller: Caller): Bilingual {
  const en = describeCaller(caller);
  switch (caller.kind) {
    case 'console':
      return { vi: `bàn điều khiển (${caller.station}) — ${caller.operator.username}`, en };
    case 'wall-window':
      return { vi: `cửa sổ màn hình ${caller.wallId}`, en };
    case 'shortcut': {
      const where = caller.from === 'global' ? 'toàn cục' : caller.from === 'console' ? 'trên bàn điều khiển' : `trên màn hình ${caller.from.wallId}`;
      return { vi: `phím ${caller.accelerator} ${where} (${caller.station})${caller.operator ? ` — ${caller.operator.username}` : ''}`, en };
    }
    case 'schedule':
      return { vi: `lịch ${caller.scheduleId}`, en };
    case 'agenda':
      return { vi: `chương trình ${caller.agendaId}, bước ${caller.step + 1}`, en };
    case 'rule':
      return { vi: `quy tắc ${caller.ruleId} (cảnh báo ${caller.alertId})`, en };
  }
}

/** The operator a caller acts for, when a person is behind it. */
export function operatorOf(caller: Caller): Operator | undefined {
  return caller.kind === 'console' || caller.kind === 'shortcut' ? caller.operator : undefined;
}
