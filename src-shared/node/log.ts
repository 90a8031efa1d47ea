/**
 * A small scoped logger for the Node side.
 * Lines are `time level [scope] message`, one per event, so an operator can grep the log of a wall
 * PC after an incident. Errors carry their reason in the line itself, never only in a stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  child(scope: string): Logger;
}

export type LogSink = (level: LogLevel, scope: string, message: string) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function envLevel(): LogLevel {
  const value = process.env.IOC_WALL_LOG_LEVEL;
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : 'info';
}

export const consoleSink: LogSink = (level, scope, message) => {
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}`;
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
};

export function createLogger(scope: string, sink: LogSink = consoleSink, minLevel: LogLevel = envLevel()): Logger {
  const emit = (level: LogLevel) => (message: string) => {
    if (ORDER[level] >= ORDER[minLevel]) sink(level, scope, message);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (sub) => createLogger(`${scope}:${sub}`, sink, minLevel),
  };
}

/** A logger that remembers lines, for tests that assert what was logged. */
export function createMemoryLogger(scope = 'test'): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger(scope, (level, s, message) => lines.push(`${level} [${s}] ${message}`), 'debug');
  return Object.assign(logger, { lines });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
