import { randomUUID } from 'node:crypto';
import type { Operator, SessionInfo, SignInResult } from '../../src-shared/access';
import type { AccessControl, SignInOrigin } from './access-control';
import type { SessionEnd } from './sessions';

/**
 * Console seats: one per console page (browser mode) or console window (desktop). A seat holds the
 * session its console signed in with; requests from the seat act as that session's operator.
 * Several seats may share a session (two tabs, a page that reconnected); when the session ends,
 * every seat holding it hears so and is emptied.
 */

interface Seat {
  token: string | null;
  station: string;
  /** A desktop console that runs as the local operator: signed in again when its session ends. */
  local: boolean;
}

export interface SessionSeats {
  /** A browser console connecting with a session token: its new seat, or undefined when the token is no live session. */
  seatFor(token: string, station: string): string | undefined;
  /** A desktop console window's seat: nobody on it until it signs in, or the local operator when the config names one. */
  desktopSeat(station: string): string;
  signIn(seat: string, request: unknown, origin: SignInOrigin): Promise<SignInResult>;
  /** The operator on the seat now (the session marked as used); undefined when nobody is. */
  operatorOn(seat: string): Operator | undefined;
  station(seat: string): string | undefined;
  info(seat: string): SessionInfo | null;
  signOut(seat: string): void;
  /** The console went away; its session stays for the page to come back with. */
  release(seat: string): void;
  onEnded(listener: (seat: string, why: SessionEnd) => void): () => void;
}

export function createSessionSeats(access: AccessControl): SessionSeats {
  const seats = new Map<string, Seat>();
  const listeners = new Set<(seat: string, why: SessionEnd) => void>();
  access.onSessionEnd((session, why) => {
    for (const [id, seat] of seats) {
      if (seat.token !== session.token) continue;
      seat.token = null;
      listeners.forEach((listener) => listener(id, why));
    }
  });
  const newSeat = (token: string | null, station: string, local = false): string => {
    const id = randomUUID();
    seats.set(id, { token, station, local });
    return id;
  };
  /** The seat's live token, signing the local operator in again where the seat runs as one. */
  const tokenOf = (seat: Seat | undefined): string | null => {
    if (!seat) return null;
    if (seat.token && access.peek(seat.token)) return seat.token;
    seat.token = seat.local ? (access.startLocal(seat.station) ?? null) : null;
    return seat.token;
  };
  return {
    seatFor: (token, station) => (access.use(token) ? newSeat(token, station) : undefined),
    desktopSeat: (station) => newSeat(null, station, access.localOperator() !== undefined),
    signIn: async (seatId, request, origin) => {
      const seat = seats.get(seatId);
      if (!seat) return { ok: false, reason: 'invalid', error: 'this console is not connected' };
      const result = await access.signIn(request, origin);
      if (result.ok) {
        if (seat.token) access.signOut(seat.token);
        seat.token = result.token;
        // An operator who signs in on a desktop console chose to: it does not fall back to the local one.
        seat.local = false;
      }
      return result;
    },
    operatorOn: (seatId) => {
      const token = tokenOf(seats.get(seatId));
      return token ? access.use(token)?.operator : undefined;
    },
    station: (seatId) => seats.get(seatId)?.station,
    info: (seatId) => {
      const token = tokenOf(seats.get(seatId));
      return token ? access.info(token) : null;
    },
    signOut: (seatId) => {
      const seat = seats.get(seatId);
      if (!seat?.token) return;
      // Signing out of the local operator's desktop console would only sign it in again.
      seat.local = false;
      access.signOut(seat.token);
    },
    release: (seatId) => {
      seats.delete(seatId);
    },
    onEnded: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
