import { z } from 'zod';
import { roleAllows, type Role } from './access';
import { LANGUAGE_NAMES } from './bilingual';
import type { CallerKind } from './caller';
import { idSchema, languageSchema } from './domain';
import { mapViewRefSchema } from './map';
import { snapshotRequestSchema, snapshotSavedSchema } from './snapshot';
import { pushedContentSchema } from './wall-view';

/**
 * Everything an operator, a key, a schedule, an agenda or a rule can make the host do, as one
 * table: the payload each command takes, what it answers, who may issue it, and its name in
 * Vietnamese and English (`{field}` is filled from the payload). The host runs every command
 * through one dispatch that checks the payload and the caller against this table; keys, the
 * console's buttons and the help overlay are all built from it.
 */

const none = z.object({}).strict();
const noResult = z.null();

interface CommandSpec {
  payload: z.ZodType;
  result: z.ZodType;
  /** Who may issue it. */
  issuers: readonly CallerKind[];
  /**
   * Local to one wall: a wall window may issue it only for its own wall (the payload's `wallId`).
   * Changing what a wall shows is for the console, keys, schedules and rules; a wall window may
   * only enlarge, drive its tours and save snapshots.
   */
  wallLocal?: boolean;
  /** The least role an operator needs to issue it from a console or a key (default: operator). */
  role?: Role;
  vi: string;
  en: string;
}

const OPERATOR = ['console', 'shortcut'] as const satisfies readonly CallerKind[];
const WALL_LOCAL = ['wall-window', 'console', 'shortcut'] as const satisfies readonly CallerKind[];

export const COMMANDS = {
  'preset.apply': {
    payload: z.object({ presetId: idSchema }).strict(),
    result: noResult,
    issuers: ['console', 'shortcut', 'schedule', 'agenda'],
    vi: 'Áp dụng kịch bản {presetId}',
    en: 'Apply preset {presetId}',
  },
  'preset.apply-number': {
    payload: z.object({ number: z.number().int().min(1).max(9) }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Áp dụng kịch bản số {number}',
    en: 'Apply preset {number}',
  },
  'wall.set-layout': {
    payload: z.object({ wallId: idSchema, layoutId: idSchema }).strict(),
    result: noResult,
    issuers: ['console', 'shortcut', 'schedule', 'agenda'],
    vi: 'Đổi bố cục màn hình {wallId}',
    en: 'Set the layout of wall {wallId}',
  },
  'wall.next-layout': {
    payload: z.object({ wallId: idSchema.optional() }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Bố cục kế tiếp trên màn hình đang chọn',
    en: 'Next layout on the selected wall',
  },
  'wall.previous-layout': {
    payload: z.object({ wallId: idSchema.optional() }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Bố cục trước trên màn hình đang chọn',
    en: 'Previous layout on the selected wall',
  },
  'target.select': {
    payload: z.object({ wallId: idSchema }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Chọn màn hình {wallId}',
    en: 'Select wall {wallId}',
  },
  'target.next': { payload: none, result: noResult, issuers: OPERATOR, vi: 'Chọn màn hình kế tiếp', en: 'Select the next wall' },
  'target.previous': { payload: none, result: noResult, issuers: OPERATOR, vi: 'Chọn màn hình trước', en: 'Select the previous wall' },
  'wall.push': {
    payload: z.object({ wallId: idSchema, tileId: idSchema, content: pushedContentSchema }).strict(),
    result: noResult,
    issuers: ['console', 'agenda'],
    vi: 'Đưa nội dung lên ô {tileId} của màn hình {wallId}',
    en: 'Put content on tile {tileId} of wall {wallId}',
  },
  'wall.clear-push': {
    payload: z.object({ wallId: idSchema, tileId: idSchema }).strict(),
    result: noResult,
    issuers: ['console'],
    vi: 'Trả ô {tileId} của màn hình {wallId} về bố cục',
    en: 'Return tile {tileId} of wall {wallId} to its layout',
  },
  'wall.focus-camera': {
    payload: z.object({ wallId: idSchema, cameraId: idSchema }).strict(),
    result: noResult,
    issuers: ['console'],
    vi: 'Phóng to camera {cameraId} trên màn hình {wallId}',
    en: 'Show camera {cameraId} enlarged on wall {wallId}',
  },
  'wall.enlarge': {
    payload: z.object({ wallId: idSchema, tileId: idSchema }).strict(),
    result: noResult,
    issuers: WALL_LOCAL,
    wallLocal: true,
    vi: 'Phóng to ô {tileId} trên màn hình {wallId}',
    en: 'Enlarge tile {tileId} on wall {wallId}',
  },
  'wall.restore': {
    payload: z.object({ wallId: idSchema }).strict(),
    result: noResult,
    issuers: WALL_LOCAL,
    wallLocal: true,
    vi: 'Thu nhỏ về lưới trên màn hình {wallId}',
    en: 'Back to the grid on wall {wallId}',
  },
  'map.show-view': {
    payload: z.object({ wallId: idSchema, tileId: idSchema, view: mapViewRefSchema.nullable() }).strict(),
    result: noResult,
    issuers: ['console', 'agenda'],
    vi: 'Bản đồ {tileId} trên màn hình {wallId}: đổi vùng hiển thị',
    en: 'Map {tileId} on wall {wallId}: change the view',
  },
  'map.follow-alert': {
    payload: z.object({ wallId: idSchema, tileId: idSchema, alertId: idSchema.nullable() }).strict(),
    result: noResult,
    issuers: ['console'],
    vi: 'Bản đồ {tileId} trên màn hình {wallId}: theo dõi cảnh báo',
    en: 'Map {tileId} on wall {wallId}: follow an alert',
  },
  'map.open-camera': {
    payload: z.object({ wallId: idSchema, tileId: idSchema, cameraId: idSchema }).strict(),
    result: noResult,
    issuers: WALL_LOCAL,
    wallLocal: true,
    vi: 'Mở camera {cameraId} từ bản đồ trên màn hình {wallId}',
    en: 'Open camera {cameraId} from the map on wall {wallId}',
  },
  'tour.control': {
    payload: z.object({ wallId: idSchema, tileId: idSchema.nullable(), action: z.enum(['toggle-pause', 'next', 'previous']) }).strict(),
    result: noResult,
    issuers: WALL_LOCAL,
    wallLocal: true,
    vi: 'Điều khiển tuần tra camera trên màn hình {wallId}',
    en: 'Control the camera tours on wall {wallId}',
  },
  'camera.save-snapshot': {
    payload: snapshotRequestSchema,
    result: snapshotSavedSchema,
    issuers: ['wall-window'],
    wallLocal: true,
    vi: 'Lưu ảnh camera {cameraId}',
    en: 'Save a snapshot of camera {cameraId}',
  },
  'walls.undo': {
    payload: none,
    result: noResult,
    issuers: OPERATOR,
    vi: 'Hoàn tác thay đổi gần nhất trên các màn hình',
    en: 'Undo the last change to the walls',
  },
  'walls.reload': {
    payload: none,
    result: noResult,
    // A schedule reloads the walls in a quiet hour (operations-config.ts, reloadWalls).
    issuers: [...OPERATOR, 'schedule'],
    vi: 'Tải lại mọi màn hình',
    en: 'Reload every wall',
  },
  'app.quit': {
    payload: none,
    result: noResult,
    // Wall windows cannot be closed one by one (a wall PC has no one to reopen them): quitting the
    // whole app from a signed-in admin's console is the one way out.
    issuers: ['console'],
    role: 'admin',
    vi: 'Thoát ứng dụng trên máy này',
    en: 'Quit the app on this PC',
  },
  'console.focus': {
    payload: none,
    result: noResult,
    issuers: ['shortcut'],
    vi: 'Đưa bảng điều khiển lên trước',
    en: 'Bring the console to the front',
  },
  'agenda.start': {
    payload: z.object({ agendaId: idSchema.optional() }).strict(),
    result: noResult,
    issuers: ['console', 'shortcut', 'schedule'],
    vi: 'Bắt đầu chương trình giao ban',
    en: 'Start the briefing agenda',
  },
  /** The agenda issues it itself when a step's time is up. */
  'agenda.next': { payload: none, result: noResult, issuers: ['console', 'shortcut', 'agenda'], vi: 'Bước tiếp theo của chương trình', en: 'Next agenda step' },
  'agenda.previous': { payload: none, result: noResult, issuers: OPERATOR, vi: 'Quay lại bước trước', en: 'Previous agenda step' },
  'agenda.hold': { payload: none, result: noResult, issuers: OPERATOR, vi: 'Tạm dừng / tiếp tục bước hiện tại', en: 'Hold / resume the current step' },
  'agenda.stop': { payload: none, result: noResult, issuers: OPERATOR, vi: 'Kết thúc chương trình giao ban', en: 'Stop the agenda' },
  'takeover.pin': {
    payload: z.object({ wallId: idSchema.optional() }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Giữ nguyên hiển thị theo cảnh báo (không tự trở lại)',
    en: 'Pin the alert takeover (no revert)',
  },
  'takeover.dismiss': {
    payload: z.object({ wallId: idSchema.optional() }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Thôi hiển thị theo cảnh báo, trả lại màn hình',
    en: 'Dismiss the alert takeover',
  },
  'alert.acknowledge': {
    payload: z.object({ alertId: idSchema }).strict(),
    result: z.object({ seq: z.number().int().min(1) }),
    issuers: ['console'],
    vi: 'Tiếp nhận cảnh báo {alertId}',
    en: 'Acknowledge alert {alertId}',
  },
  'app.set-language': {
    payload: z.object({ language: languageSchema }).strict(),
    result: noResult,
    issuers: OPERATOR,
    vi: 'Đổi ngôn ngữ hiển thị ({language})',
    en: 'Set the display language ({language})',
  },
  'config.reload': {
    payload: none,
    result: z.object({ operators: z.number().int().min(0), needsRestart: z.array(z.string()) }),
    issuers: ['console'],
    role: 'admin',
    vi: 'Nạp lại cấu hình và tài khoản',
    en: 'Reload the config and accounts',
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export type CommandPayload<N extends CommandName> = z.infer<(typeof COMMANDS)[N]['payload']>;
export type CommandPayloadInput<N extends CommandName> = z.input<(typeof COMMANDS)[N]['payload']>;
export type CommandResult<N extends CommandName> = z.infer<(typeof COMMANDS)[N]['result']>;

/** A command as it travels: its name and payload, both checked by the host. */
export type Command = { [N in CommandName]: { name: N; payload: CommandPayload<N> } }[CommandName];

export const commandNameSchema = z.enum(COMMAND_NAMES as [CommandName, ...CommandName[]]);
/** On the wire the payload is unknown until the host has checked it against the command's own schema. */
export const commandEnvelopeSchema = z.object({ name: commandNameSchema, payload: z.unknown() });

export function commandSpec(name: CommandName): CommandSpec {
  return COMMANDS[name];
}

/** The least role an operator needs for the command. */
export function roleNeeded(name: CommandName): Role {
  return (COMMANDS[name] as CommandSpec).role ?? 'operator';
}

/** Whether an operator with this role may issue the command (their caller kind is checked apart). */
export function roleMayIssue(name: CommandName, role: Role): boolean {
  return roleAllows(role, roleNeeded(name));
}

/** Whether a caller of this kind may issue the command at all (wall-local scoping is checked apart). */
export function mayIssue(name: CommandName, kind: CallerKind): boolean {
  return (COMMANDS[name].issuers as readonly CallerKind[]).includes(kind);
}

/** The command's name in the language, with `{field}` filled from the payload where given. */
export function commandLabel(name: CommandName, language: 'vi' | 'en', payload?: unknown): string {
  const template = COMMANDS[name][language];
  const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  return template.replace(/\{(\w+)\}/g, (whole, field: string) => {
    const value = fields[field];
    // A language code reads as the language's name: "Set the display language (English)".
    if (field === 'language' && (value === 'vi' || value === 'en')) return LANGUAGE_NAMES[value][language];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
