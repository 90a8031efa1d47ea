import { exportAuditCsv } from '../audit/audit-csv';
import type { InvokeHandlers } from '../invoke-router';
import type { HostAccess } from './host-access';

/** The invoke channels of sign-in and the audit log (who may use them: invoke-router.ts). */
export function accessHandlers(options: { access: HostAccess; mode: 'electron' | 'browser' }): Pick<InvokeHandlers, 'session:get' | 'session:sign-in' | 'session:sign-out' | 'audit:list' | 'audit:export'> {
  const { access } = options;
  const seatOf = (window: Parameters<InvokeHandlers['session:get']>[1]): string => {
    if (window.role !== 'console') throw new Error('for the console only');
    return window.seat;
  };
  return {
    'session:get': (_request, window) => ({ session: access.seats.info(seatOf(window)), canSignIn: options.mode === 'electron' }),
    'session:sign-in': (request, window) => {
      // A browser console signs in before it connects (POST /auth/session), so its link always carries a session.
      if (options.mode !== 'electron') throw new Error('browser consoles sign in on the sign-in page');
      const seat = seatOf(window);
      return access.seats.signIn(seat, request, { address: 'electron', station: access.seats.station(seat) ?? 'electron' });
    },
    'session:sign-out': (_request, window) => {
      access.seats.signOut(seatOf(window));
      return null;
    },
    'audit:list': (query) => ({
      rows: access.audit.query(query).map(({ prevHash: _prev, ...row }) => row),
      status: access.audit.status.status,
      ...(access.audit.status.detail ? { statusDetail: access.audit.status.detail } : {}),
    }),
    'audit:export': (request) => exportAuditCsv(access.audit, request),
  };
}
