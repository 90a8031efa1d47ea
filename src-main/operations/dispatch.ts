import { z } from 'zod';
import { both, same, type Bilingual } from '../../src-shared/bilingual';
import { describeCaller, operatorOf, type Caller } from '../../src-shared/caller';
import { COMMAND_NAMES, COMMANDS, commandEnvelopeSchema, commandLabel, mayIssue, roleMayIssue, roleNeeded, type Command, type CommandName, type CommandPayload, type CommandResult } from '../../src-shared/commands';
import type { Language } from '../../src-shared/domain';
import type { InvokeResult } from '../../src-shared/ipc';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { CommandJournal } from '../audit/command-journal';
import type { HostState } from './host-state';

/**
 * The one way anything changes what the walls show: `dispatch(caller, commands)`. It checks each
 * command against the table in src-shared/commands.ts (payload schema, who may issue it, wall-local
 * scope), runs the handlers of the commands' domains on a draft of the host state, and commits the
 * draft once — saved before it is announced — so an agenda step that changes three walls is one
 * change on every screen. Handlers are synchronous state changes; a handler that must wait (the
 * hub's answer to an acknowledgement, a file write) changes no state and returns a promise.
 */

/**
 * A command refused or failed, said for the operator in both languages (the caller hears it in
 * the UI language, the console's log keeps both); the message is the English one, for the log.
 */
export class CommandError extends Error {
  override name = 'CommandError';
  readonly text: Bilingual;
  constructor(text: Bilingual | string) {
    const words = typeof text === 'string' ? same(text) : text;
    super(words.en);
    this.text = words;
  }
}

/** What went wrong, in both languages: a CommandError's own words, anything else as it is. */
function failureText(error: unknown): Bilingual {
  return error instanceof CommandError ? error.text : same(errorMessage(error));
}

export interface CommandContext {
  readonly caller: Caller;
  /** The draft: the state as the commands before this one in the batch left it. */
  readonly state: HostState;
  /** Replaces the draft. Only before the handler's first await: the batch commits right after. */
  set(next: HostState): void;
  /** What the recent-commands list says this command did, with names rather than ids. */
  describe(label: Bilingual): void;
  /** Runs further commands as another caller (an agenda's step), on the same draft. */
  nested(caller: Caller, commands: readonly Command[]): void;
}

export type Handler<N extends CommandName> = (payload: CommandPayload<N>, ctx: CommandContext) => CommandResult<N> | Promise<CommandResult<N>> | void;
export type DomainHandlers = { [N in CommandName]?: Handler<N> };

export interface CommitRequest {
  caller: Caller;
  /** The top-level commands that made the change, and what each did (undo's label). */
  names: CommandName[];
  labels: Bilingual[];
}

export interface DispatcherOptions {
  domains: readonly DomainHandlers[];
  state(): HostState;
  /** Saves and announces the draft; throws when it could not be saved. */
  commit(next: HostState, request: CommitRequest): void;
  /** One line per top-level command, for the console's recent list. */
  record(entry: { caller: Caller; name: CommandName; label: Bilingual; ok: boolean; error?: Bilingual }): void;
  /** The audit log's side: a row before anything runs (nothing runs if it cannot be written), one after. */
  journal?: CommandJournal;
  /** The UI language now: what a refused caller hears (it may change between commands). */
  language(): Language;
  log: Logger;
}

export interface Dispatcher {
  /** Runs the commands as the caller, all or nothing; answers the last command's result. */
  dispatch(caller: Caller, commands: readonly Command[]): Promise<InvokeResult<unknown>>;
  /** Parses an untrusted `{ name, payload }` from a window and dispatches it. */
  dispatchRaw(caller: Caller, envelope: unknown): Promise<InvokeResult<unknown>>;
}

const ROLE_NAMES_VI = { viewer: 'theo dõi', operator: 'điều hành', admin: 'quản trị' } as const;

/** A command's table name in both languages, `{field}` filled from the payload. */
const labelOf = (name: CommandName, payload: unknown): Bilingual => both(commandLabel(name, 'vi', payload), commandLabel(name, 'en', payload));

type AnyHandler = (payload: unknown, ctx: CommandContext) => unknown;

/** Every command has exactly one handler, in one domain module; checked when the host starts. */
function handlerTable(domains: readonly DomainHandlers[]): Map<CommandName, AnyHandler> {
  const table = new Map<CommandName, AnyHandler>();
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain) as Array<[CommandName, AnyHandler]>) {
      if (table.has(name)) throw new Error(`command ${name} has two handlers`);
      table.set(name, handler);
    }
  }
  const missing = COMMAND_NAMES.filter((name) => !table.has(name));
  if (missing.length > 0) throw new Error(`commands without a handler: ${missing.join(', ')}`);
  return table;
}

/** Why this caller may not issue the command, or null when it may; what operators read, in both languages. */
function refusal(caller: Caller, name: CommandName, payload: unknown): Bilingual | null {
  if (!mayIssue(name, caller.kind)) return same(`${describeCaller(caller)} may not ${name} (allowed: ${COMMANDS[name].issuers.join(', ')})`);
  if (caller.kind === 'wall-window') {
    const spec = COMMANDS[name] as { wallLocal?: boolean };
    const wallId = (payload as { wallId?: unknown }).wallId;
    if (!spec.wallLocal || (wallId !== undefined && wallId !== caller.wallId)) return same(`wall window ${caller.wallId} may only change what is on its own wall`);
  }
  if (caller.kind === 'console' || caller.kind === 'shortcut') {
    const operator = operatorOf(caller);
    // A key pressed on a wall window has nobody signed in behind it: it may do what the window may.
    if (!operator) {
      const spec = COMMANDS[name] as { wallLocal?: boolean };
      const from = caller.kind === 'shortcut' ? caller.from : 'console';
      const wallId = (payload as { wallId?: unknown }).wallId;
      if (typeof from === 'object' && spec.wallLocal && (wallId === undefined || wallId === from.wallId)) return null;
      return both(
        'Phím bấm tại màn hình chỉ điều khiển được chính màn hình đó; muốn thay đổi nội dung các màn hình, đề nghị đăng nhập trên bảng điều khiển',
        'A key on a wall only controls that wall; sign in on a console to change what the walls show',
      );
    }
    if (!roleMayIssue(name, operator.role)) {
      return both(
        `Tài khoản ${operator.username} (${ROLE_NAMES_VI[operator.role]}) không được thực hiện thao tác «${commandLabel(name, 'vi', payload)}»: cần quyền ${ROLE_NAMES_VI[roleNeeded(name)]}`,
        `${operator.username} (${operator.role}) may not ${name}: it needs the ${roleNeeded(name)} role`,
      );
    }
  }
  return null;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { log } = options;
  const handlers = handlerTable(options.domains);

  const validate = (command: { name: CommandName; payload: unknown }): Command => {
    const parsed = COMMANDS[command.name].payload.safeParse(command.payload ?? {});
    if (!parsed.success) throw new CommandError(`${command.name}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
    return { name: command.name, payload: parsed.data } as Command;
  };

  const dispatch = async (caller: Caller, commands: readonly Command[]): Promise<InvokeResult<unknown>> => {
    const start = options.state();
    let ref = 0;
    try {
      if (options.journal) ref = options.journal.intent(caller, commands, start);
    } catch (error) {
      const message = both(`Chưa thực hiện: không ghi được nhật ký kiểm tra (${errorMessage(error)})`, `not done, the audit log cannot record it: ${errorMessage(error)}`);
      log.error(`${commands.map((c) => c.name).join(', ')} by ${describeCaller(caller)} refused: ${message.en}`);
      commands.forEach((c) => options.record({ caller, name: c.name, label: labelOf(c.name, c.payload), ok: false, error: message }));
      return { ok: false, error: message[options.language()] };
    }
    const journal = (outcome: { ok: true } | { ok: false; error: string; refused: boolean }): void => {
      try {
        options.journal?.outcome(ref, caller, outcome, start, options.state());
      } catch (error) {
        // The change is made (or refused) already; the missing result row is in the app log.
        log.error(`audit: no result row for row ${ref}: ${errorMessage(error)}`);
      }
    };
    let draft = start;
    let open = true;
    const labels: Bilingual[] = [];
    const pending: Array<Promise<unknown>> = [];
    let last: unknown = null;
    const runAll = (as: Caller, batch: readonly Command[], topLevel: boolean): void => {
      for (const raw of batch) {
        const command = validate(raw);
        const why = refusal(as, command.name, command.payload);
        if (why) throw new CommandError(why);
        let label = labelOf(command.name, command.payload);
        const ctx: CommandContext = {
          caller: as,
          get state() {
            return draft;
          },
          set: (next) => {
            if (!open) throw new Error(`${command.name}: state changed after its batch was committed`);
            draft = next;
          },
          describe: (text) => {
            label = text;
          },
          nested: (nestedCaller, nestedCommands) => runNested(nestedCaller, nestedCommands),
        };
        const result = handlers.get(command.name)!(command.payload, ctx);
        if (result instanceof Promise) pending.push(result);
        else last = result ?? null;
        if (topLevel) labels.push(label);
      }
    };
    // What an agenda step issues is applied part by part: one push to a tile the layout lacks is
    // logged and skipped, not allowed to stop the briefing at that step.
    const runNested = (as: Caller, batch: readonly Command[]): void => {
      for (const command of batch) {
        const before = draft;
        try {
          runAll(as, [command], false);
        } catch (error) {
          draft = before;
          log.warn(`${command.name} by ${describeCaller(as)} skipped: ${errorMessage(error)}`);
          options.record({ caller: as, name: command.name, label: labelOf(command.name, command.payload), ok: false, error: failureText(error) });
        }
      }
    };
    const names = commands.map((c) => c.name);
    try {
      runAll(caller, commands, true);
      open = false;
      if (draft !== start) {
        // A handler's call that changed the state under the draft (re-entry) would be lost by this commit.
        if (options.state() !== start) throw new Error('the host state changed while the commands ran; nothing was changed, try again');
        options.commit(draft, { caller, names, labels });
      }
      if (pending.length > 0) last = (await Promise.all(pending)).at(-1) ?? null;
    } catch (error) {
      open = false;
      const message = failureText(error);
      (error instanceof CommandError ? log.warn : log.error)(`${names.join(', ')} by ${describeCaller(caller)} refused: ${message.en}`);
      commands.forEach((c) => options.record({ caller, name: c.name, label: labelOf(c.name, c.payload), ok: false, error: message }));
      journal({ ok: false, error: message.vi, refused: error instanceof CommandError });
      return { ok: false, error: message[options.language()] };
    }
    journal({ ok: true });
    log.info(`${labels.map((l) => l.en).join('; ')} — by ${describeCaller(caller)}`);
    names.forEach((name, i) => options.record({ caller, name, label: labels[i] ?? same(name), ok: true }));
    return { ok: true, value: last };
  };

  return {
    dispatch,
    dispatchRaw: (caller, envelope) => {
      const parsed = commandEnvelopeSchema.safeParse(envelope);
      if (!parsed.success) {
        log.warn(`refused a malformed command from ${describeCaller(caller)}: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`);
        return Promise.resolve({ ok: false, error: `not a command: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` });
      }
      // The payload is checked against the command's own schema inside dispatch, like any other.
      return dispatch(caller, [parsed.data as Command]);
    },
  };
}
