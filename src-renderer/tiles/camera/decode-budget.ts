import { CAMERA_DECODES_PER_CORE, CAMERA_MAIN_STREAM_COST, CAMERA_MIN_DEFAULT_BUDGET } from '../../constants';
import { CAMERA_DECODE_BUDGET_MAX } from '../../../src-shared/wall-boot';

/**
 * How many streams a wall decodes at once, in sub-stream units. Software decoding of a few dozen
 * small streams is what a wall PC's CPU spends its time on; past the budget every tile would drop
 * frames, so the tiles that do not fit show their last still instead.
 */
export function defaultDecodeBudget(hardwareConcurrency: number | undefined): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  return Math.min(CAMERA_DECODE_BUDGET_MAX, Math.max(CAMERA_MIN_DEFAULT_BUDGET, cores * CAMERA_DECODES_PER_CORE));
}

export interface DecodeRequest {
  key: string;
  /** Lower plays first: the enlarged tile, then tiles in reading order. */
  order: number;
  /** Hidden tiles (under an enlarged one, a parked player) need no decoder. */
  visible: boolean;
  /** The tile is large enough for the main stream and the camera has one. */
  wantsMain: boolean;
}

export type DecodeGrant = 'main' | 'sub' | 'none';

/**
 * Hands out the budget in priority order. A tile that wants the main stream gets it only when
 * the rest of the budget allows; otherwise it plays the sub stream rather than push a smaller tile
 * off the wall. Tiles left over get 'none'.
 */
export function allocateDecoders(requests: readonly DecodeRequest[], budget: number): Map<string, DecodeGrant> {
  const grants = new Map<string, DecodeGrant>();
  const visible = requests.filter((r) => r.visible).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  let left = budget;
  visible.forEach((request, i) => {
    // Keep one unit for every visible tile after this one before spending extra on a main stream.
    const stillToServe = Math.min(visible.length - i - 1, Math.max(0, left - 1));
    if (request.wantsMain && left - CAMERA_MAIN_STREAM_COST >= stillToServe) {
      grants.set(request.key, 'main');
      left -= CAMERA_MAIN_STREAM_COST;
    } else if (left >= 1) {
      grants.set(request.key, 'sub');
      left -= 1;
    } else {
      grants.set(request.key, 'none');
    }
  });
  requests.filter((r) => !r.visible).forEach((r) => grants.set(r.key, 'none'));
  return grants;
}
