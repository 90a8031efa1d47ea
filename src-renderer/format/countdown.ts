/** "2:05" or "1:02:05": time left on a step, to the second, counting down on the console. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Time left now on something the host measured when it sent its state: counted down while it runs,
 * frozen while it does not (held, paused), never below zero.
 */
export function remainingNow(remainingMs: number, sentAt: number, now: number, running: boolean): number {
  return running ? Math.max(0, remainingMs - Math.max(0, now - sentAt)) : remainingMs;
}
