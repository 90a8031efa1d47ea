import { HEARTBEAT_INTERVAL_MS, type HostApi, type RendererReport } from '../../src-shared/ipc';

/** The longest report the host accepts (rendererReportSchema). */
const MAX_MESSAGE = 2000;

function text(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A wall page says it is alive from its main thread every few seconds: if its script hangs, the
 * beats stop while the socket or window stays open, and the host recovers the page (heartbeat-watch.ts).
 */
export function startHeartbeat(api: HostApi): () => void {
  const beat = (): void => void api.invoke('wall:heartbeat', undefined).catch(() => undefined);
  beat();
  const timer = window.setInterval(beat, HEARTBEAT_INTERVAL_MS);
  return () => window.clearInterval(timer);
}

/**
 * Sends the page's errors to the host's log file (uncaught errors, rejected promises, console.error),
 * where whoever looks into an incident on a wall PC finds them beside the host's own lines. A report
 * that fails to send is dropped, never reported again (no loop).
 */
export function reportPageErrors(api: HostApi): () => void {
  let sending = false;
  const send = (level: RendererReport['level'], message: string, source: string): void => {
    if (sending || message.length === 0) return;
    sending = true;
    try {
      void api.invoke('log:report', { level, message: message.slice(0, MAX_MESSAGE), source: source.slice(0, 200) }).catch(() => undefined);
    } finally {
      sending = false;
    }
  };
  const onError = (event: ErrorEvent): void => {
    const where = event.filename ? `${event.filename.split('/').pop() ?? ''}:${event.lineno}` : 'uncaught';
    send('error', text(event.error ?? event.message), where);
  };
  const onRejection = (event: PromiseRejectionEvent): void => send('error', text(event.reason), 'unhandled rejection');
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const original = console.error;
  console.error = (...args: unknown[]) => {
    original.apply(console, args);
    send('error', args.map(text).join(' '), 'console.error');
  };
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.error = original;
  };
}
