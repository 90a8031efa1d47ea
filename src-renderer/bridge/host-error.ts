/**
 * Why an invoke failed: the host said no (`host`, e.g. an unknown wall), the host could not be
 * reached (`transport`, worth retrying), or it answered something off-contract (`invalid`).
 */
export type HostErrorKind = 'host' | 'transport' | 'invalid';

export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
