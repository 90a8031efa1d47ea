import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { CameraPlayer, CameraPlayerSnapshot, CameraSource } from './camera-player';
import { playerPool, type LeaseTerms, type PlayerLease } from './player-pool';

const noSubscription = (): (() => void) => () => undefined;
const noSnapshot = (): null => null;

/**
 * Borrows the camera's player from the pool and shows it in `slotRef`. Layout effects, so a layout
 * change releases the old tile's player and this tile takes it back inside one React commit: the
 * same video element, still playing, moves to its new place.
 */
export function useCameraLease(
  slotRef: RefObject<HTMLElement | null>,
  tileKey: string,
  source: CameraSource | null,
  terms: LeaseTerms,
): { player: CameraPlayer | null; snapshot: CameraPlayerSnapshot | null } {
  const [lease, setLease] = useState<PlayerLease | null>(null);
  const termsRef = useRef(terms);
  const sourceRef = useRef(source);
  const cameraId = source?.cameraId ?? null;

  // Declared first, so the latest terms and source are in place when the lease below is taken.
  useLayoutEffect(() => {
    termsRef.current = terms;
    sourceRef.current = source;
  });

  useLayoutEffect(() => {
    const slot = slotRef.current;
    const current = sourceRef.current;
    if (!slot || !current) return undefined;
    const taken = playerPool.acquire(tileKey, current, termsRef.current);
    slot.append(taken.player.element);
    taken.player.setSlotHeight(slot.clientHeight);
    setLease(taken);
    const resize = new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]?.contentRect.height;
      if (height !== undefined) taken.player.setSlotHeight(height);
    });
    resize.observe(slot);
    return () => {
      resize.disconnect();
      taken.release();
      setLease(null);
    };
  }, [slotRef, tileKey, cameraId]);

  const subUrl = source?.subUrl;
  const mainUrl = source?.mainUrl;
  const stillUrl = source?.stillUrl;
  const online = source?.online;
  useEffect(() => {
    if (lease && sourceRef.current) lease.player.setSource(sourceRef.current);
  }, [lease, subUrl, mainUrl, stillUrl, online]);

  useEffect(() => {
    lease?.update({ order: terms.order, visible: terms.visible });
  }, [lease, terms.order, terms.visible]);

  const player = lease?.player ?? null;
  const snapshot = useSyncExternalStore(player ? player.subscribe : noSubscription, player ? player.snapshot : noSnapshot);
  return { player, snapshot };
}
