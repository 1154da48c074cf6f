import { describe, expect, it } from 'vitest';
import { isOpen, needsSweep, stateFromGraphStatus } from '../../../src/domain/gdap/gdap-status.js';

describe('stateFromGraphStatus', () => {
  it.each([
    ['created', 'created'],
    ['approvalPending', 'approvalPending'],
    ['approved', 'approvalPending'],
    ['activating', 'approvalPending'],
    ['active', 'active'],
    ['expiring', 'active'],
    ['expired', 'expired'],
    ['terminationRequested', 'terminated'],
    ['terminating', 'terminated'],
    ['terminated', 'terminated'],
    ['unknownFutureValue', undefined],
  ])('reads Graph status %s as %s', (status, state) => {
    expect(stateFromGraphStatus(status)).toBe(state);
  });
});

describe('isOpen and needsSweep', () => {
  it('blocks new requests while pending or active, sweeps only what waits', () => {
    expect(isOpen('approvalPending')).toBe(true);
    expect(isOpen('active')).toBe(true);
    expect(isOpen('expired')).toBe(false);
    expect(needsSweep('creating')).toBe(true);
    expect(needsSweep('active')).toBe(false);
  });
});
