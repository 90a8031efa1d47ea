import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStream } from 'rotating-file-stream';
import { consoleSink, errorMessage, type LogLevel, type LogSink } from '../../src-shared/node/log';

export const LOG_FILE_NAME = 'ioc-wall.log';

export interface LogFile {
  /** Writes every line to the terminal and the file, and warnings and errors to `onProblem` too. */
  sink: LogSink;
  path: string;
  close(): Promise<void>;
}

export interface LogFileOptions {
  dir: string;
  /** Rotate when the file reaches this size ("10M"); keep `keep` old files beside it (.1 newest). */
  size?: string;
  keep?: number;
  /** Warnings and errors, for the console's list of the latest problems. */
  onProblem?(level: Extract<LogLevel, 'warn' | 'error'>, scope: string, message: string): void;
  /** Where lines also go; the terminal by default (systemd's journal, a developer's shell). */
  tee?: LogSink;
}

/**
 * The wall PC's log: a file under the app's log folder that rotates like logrotate (ioc-wall.log,
 * .1, .2 …), so months of running cannot fill the disk and the last days are there after an
 * incident. A file that cannot be written never stops the app: the terminal still gets every line.
 */
export function openLogFile(options: LogFileOptions): LogFile {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, LOG_FILE_NAME);
  const tee = options.tee ?? consoleSink;
  const stream = createStream(LOG_FILE_NAME, { path: options.dir, size: options.size ?? '10M', rotate: options.keep ?? 5 });
  let failed = false;
  stream.on('error', (error) => {
    if (failed) return;
    failed = true;
    tee('error', 'log', `the log file ${path} cannot be written, logging to the terminal only: ${errorMessage(error)}`);
  });
  const sink: LogSink = (level, scope, message) => {
    tee(level, scope, message);
    if (!failed) stream.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}\n`);
    if (level === 'warn' || level === 'error') options.onProblem?.(level, scope, message);
  };
  return {
    sink,
    path,
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}
