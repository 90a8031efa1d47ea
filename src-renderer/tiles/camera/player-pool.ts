import { CAMERA_PARK_GRACE_MS, CAMERA_PRESTART_HOLD_MS } from '../../constants';
import type { BootCamera, LeaseTerms } from '../../../src-shared/wall-boot';
import { CameraPlayer, type CameraSource } from './camera-player';
import { allocateDecoders, defaultDecodeBudget, type DecodeRequest } from './decode-budget';

export type { LeaseTerms } from '../../../src-shared/wall-boot';

export interface PlayerLease {
  readonly player: CameraPlayer;
  update(terms: LeaseTerms): void;
  /** The tile let go: the player waits a moment for the next layout's tile, then is torn down. */
  release(): void;
}

/** A player started before its tile mounted (the wall's boot, prestart.ts): a boot camera less its place. */
export type EarlyLease = Pick<BootCamera, 'tileKey' | 'source' | 'terms'>;

interface Lease {
  id: number;
  tileKey: string;
  terms: LeaseTerms;
}

/**
 * The wall's camera players, kept outside React. A layout change unmounts the old tiles and mounts
 * the new ones in one commit: the old tile's release parks its player and the new tile for the
 * same camera takes it back before anything is torn down, so the picture never blinks. Players not
 * taken back within CAMERA_PARK_GRACE_MS are destroyed completely.
 *
 * The pool also spends the wall's decode budget: each change of who is on screen reallocates it.
 */
export class PlayerPool {
  private budget: number;
  private readonly leases = new Map<CameraPlayer, Lease>();
  private readonly parked = new Map<CameraPlayer, { tileKey: string; timer: ReturnType<typeof setTimeout> }>();
  private readonly early = new Map<string, { lease: PlayerLease; timer: ReturnType<typeof setTimeout> }>();
  private holder: HTMLElement | null = null;
  private rebalanceQueued = false;
  private nextLeaseId = 1;

  constructor(budget = defaultDecodeBudget(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency)) {
    this.budget = budget;
  }

  setBudget(budget: number): void {
    if (budget === this.budget) return;
    this.budget = budget;
    this.queueRebalance();
  }

  /**
   * A player for `source` on tile `tileKey`: the one started early for this tile (prestart, a tour's
   * warm-up), else the parked one of the same camera (preferring the one this tile had), else a new one.
   */
  acquire(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease {
    const early = this.takeEarly(tileKey, source, terms);
    if (early) return early;
    return this.acquireNew(tileKey, source, terms);
  }

  /** A lease on a parked player of the camera, else on a new one (no early lease considered). */
  private acquireNew(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease {
    const player = this.takeParked(tileKey, source) ?? new CameraPlayer(source, () => this.queueRebalance());
    player.setSource(source);
    const lease: Lease = { id: this.nextLeaseId++, tileKey, terms };
    this.leases.set(player, lease);
    this.queueRebalance();
    return {
      player,
      update: (next) => {
        if (this.leases.get(player) !== lease) return;
        if (next.order === lease.terms.order && next.visible === lease.terms.visible) return;
        lease.terms = next;
        this.queueRebalance();
      },
      release: () => {
        if (this.leases.get(player) !== lease) return;
        this.leases.delete(player);
        this.park(player, tileKey);
        this.queueRebalance();
      },
    };
  }

  /**
   * Leases players for tiles that are about to mount, so their streams load while the wall renders.
   * Each waits in a hidden holder (in the document, so it keeps playing) until its tile's acquire
   * takes it; one whose tile never comes is released like any other.
   */
  prestart(leases: readonly EarlyLease[]): void {
    const leased = new Set([...this.leases.values()].map((l) => l.tileKey));
    for (const { tileKey, source, terms } of leases) {
      if (leased.has(tileKey) || this.early.has(tileKey)) continue;
      this.holdEarly(tileKey, this.acquire(tileKey, source, terms));
    }
  }

  /** The player started early for a tile and not yet taken by it (boot-cameras.ts places it on screen). */
  earlyPlayer(tileKey: string): CameraPlayer | undefined {
    return this.early.get(tileKey)?.lease.player;
  }

  /** Puts an early player's element back in the hidden holder, where it keeps playing unseen. */
  holdElement(element: HTMLElement): void {
    this.holderElement().append(element);
  }

  /** Keeps an early lease in the hidden holder until its tile takes it, or lets it go after a while. */
  private holdEarly(tileKey: string, lease: PlayerLease): void {
    this.holderElement().append(lease.player.element);
    const timer = setTimeout(() => {
      this.early.delete(tileKey);
      lease.release();
    }, CAMERA_PRESTART_HOLD_MS);
    this.early.set(tileKey, { lease, timer });
  }

  /**
   * Starts the camera a tile is about to show (a tour's next camera) in the hidden holder; the
   * tile's next acquire for it takes the player already playing, so the switch shows a live
   * picture at once. A warm-up for another camera on the same tile is let go.
   */
  warmUp(tileKey: string, source: CameraSource, terms: LeaseTerms): void {
    const waiting = this.early.get(tileKey);
    if (waiting?.lease.player.cameraId === source.cameraId) return;
    if (waiting) {
      clearTimeout(waiting.timer);
      this.early.delete(tileKey);
      waiting.lease.release();
    }
    this.holdEarly(tileKey, this.acquireNew(tileKey, source, terms));
  }

  private takeEarly(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease | null {
    const early = this.early.get(tileKey);
    if (!early) return null;
    this.early.delete(tileKey);
    clearTimeout(early.timer);
    if (early.lease.player.cameraId !== source.cameraId) {
      early.lease.release();
      return null;
    }
    early.lease.player.setSource(source);
    early.lease.update(terms);
    return early.lease;
  }

  private holderElement(): HTMLElement {
    if (!this.holder) {
      this.holder = document.createElement('div');
      this.holder.hidden = true;
      this.holder.dataset.cameraPrestart = '';
      document.body.append(this.holder);
    }
    return this.holder;
  }

  private takeParked(tileKey: string, source: CameraSource): CameraPlayer | null {
    let best: CameraPlayer | null = null;
    for (const [player, parked] of this.parked) {
      if (player.cameraId !== source.cameraId) continue;
      best = player;
      if (parked.tileKey === tileKey) break;
    }
    if (!best) return null;
    clearTimeout(this.parked.get(best)!.timer);
    this.parked.delete(best);
    return best;
  }

  private park(player: CameraPlayer, tileKey: string): void {
    // Out of the DOM now; moving it into the next tile within the same task keeps it playing
    // (a media element is only paused if it is still detached when the task ends).
    player.element.remove();
    const timer = setTimeout(() => {
      this.parked.delete(player);
      player.dispose();
    }, CAMERA_PARK_GRACE_MS);
    this.parked.set(player, { tileKey, timer });
  }

  private queueRebalance(): void {
    if (this.rebalanceQueued) return;
    this.rebalanceQueued = true;
    // After the whole React commit, so one layout change costs one reallocation.
    queueMicrotask(() => {
      this.rebalanceQueued = false;
      this.rebalance();
    });
  }

  private rebalance(): void {
    const requests: DecodeRequest[] = [];
    const byKey = new Map<string, CameraPlayer>();
    for (const [player, lease] of this.leases) {
      const key = String(lease.id);
      byKey.set(key, player);
      requests.push({ key, order: lease.terms.order, visible: lease.terms.visible, wantsMain: player.wantsMainStream });
    }
    const grants = allocateDecoders(requests, this.budget);
    for (const [key, player] of byKey) {
      const lease = this.leases.get(player)!;
      player.setGrant(grants.get(key) ?? 'none', lease.terms.visible ? 'budget' : 'hidden');
    }
  }
}

/** The one pool of this window. */
export const playerPool = new PlayerPool();
