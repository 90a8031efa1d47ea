import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/domain';
import { decideAlertAck } from '../../../src-hub/alert-ack';
import { keepAcknowledgement } from '../../../src-hub/ingest/keep-acknowledgement';
import { validRecord } from '../../helpers/hub-fixtures';
import { hubMessage } from '../../helpers/hub-messages';

const NOW = Date.parse('2025-11-24T01:20:00Z');
const open: Alert = { ...validRecord('alert', 1), status: 'open' };
const request = { alertId: open.id, by: 'Trực ban ca sáng', time: '2025-11-24T08:17:30+07:00' };
const acknowledged: Alert = { ...open, status: 'acknowledged', acknowledged: { by: request.by, at: request.time } };

describe('decideAlertAck', () => {
  it('turns an open alert into an acknowledged version of the same payload', () => {
    expect(decideAlertAck(hubMessage('alert', 7, open), request, NOW)).toEqual({ kind: 'store', payload: acknowledged });
  });

  it('answers an acknowledged alert with the seq it has, whoever acknowledges again', () => {
    expect(decideAlertAck(hubMessage('alert', 9, acknowledged), { ...request, by: 'someone else' }, NOW)).toEqual({ kind: 'already', seq: 9 });
    // A department may mark its alert acknowledged itself: there is nothing left to take.
    expect(decideAlertAck(hubMessage('alert', 10, { ...open, status: 'acknowledged' }), request, NOW)).toEqual({ kind: 'already', seq: 10 });
  });

  it('refuses an unknown alert, a resolved one and a time from the future, naming why', () => {
    expect(decideAlertAck(undefined, request, NOW)).toEqual({ kind: 'refuse', error: expect.stringMatching(/^no alert "canh-bao-1"/) as unknown });
    expect(decideAlertAck(hubMessage('alert', 7, { ...open, status: 'resolved' }), request, NOW)).toEqual({
      kind: 'refuse',
      error: expect.stringMatching(/already resolved/) as unknown,
    });
    const future = { ...request, time: new Date(NOW + 6 * 60_000).toISOString() };
    expect(decideAlertAck(hubMessage('alert', 7, open), future, NOW)).toEqual({ kind: 'refuse', error: expect.stringMatching(/ahead of the hub's clock/) as unknown });
    // Clock skew within the ingest rule's five minutes is taken.
    expect(decideAlertAck(hubMessage('alert', 7, open), { ...request, time: new Date(NOW + 4 * 60_000).toISOString() }, NOW).kind).toBe('store');
  });
});

describe('keepAcknowledgement', () => {
  it('keeps an open resend acknowledged, so an unchanged resend equals the acknowledged version', () => {
    expect(keepAcknowledgement(open, acknowledged)).toEqual(acknowledged);
    const edited = { ...open, text: 'Nước đã rút một phần' };
    expect(keepAcknowledgement(edited, acknowledged)).toEqual({ ...edited, status: 'acknowledged', acknowledged: acknowledged.acknowledged });
  });

  it('keeps the acknowledged field on other updates, resolved included', () => {
    const resolved = { ...open, status: 'resolved' as const };
    const kept = keepAcknowledgement(resolved, acknowledged);
    expect(kept).toEqual({ ...resolved, acknowledged: acknowledged.acknowledged });
    // The department resending its resolved record finds the same payload: a duplicate, not a new message.
    expect(keepAcknowledgement(resolved, kept)).toEqual(kept);
  });

  it('leaves alerts alone that the IOC never acknowledged, reopened ones, and records that say otherwise', () => {
    expect(keepAcknowledgement(open, undefined)).toBe(open);
    expect(keepAcknowledgement(open, { ...open, text: 'cũ' })).toBe(open);
    const resolvedAck: Alert = { ...acknowledged, status: 'resolved' };
    expect(keepAcknowledgement(open, resolvedAck), 'reopened after resolved: needs a fresh acknowledgement').toBe(open);
    const own = { ...open, acknowledged: { by: 'phòng trực Sở', at: request.time } };
    expect(keepAcknowledgement(own, acknowledged)).toBe(own);
  });
});
