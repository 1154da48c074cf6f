import { describe, expect, it } from 'vitest';
import { boardDeepLink, boardSubEntityId, parseBoardSubEntityId } from '../../../src/domain/distributor/board-deep-link.js';

const APP_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const TENANT = '6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('boardDeepLink', () => {
  it('opens the board tab in the inbox channel at the order (the documented manual deep link to a configurable tab)', () => {
    const link = boardDeepLink({ appId: APP_ID, channelId: '19:abc@thread.tacv2', tenantId: TENANT, orderId: 'CSP-7K2M9Q', label: 'Заявка CSP-7K2M9Q' });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/board`);
    expect(url.searchParams.get('label')).toBe('Заявка CSP-7K2M9Q');
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: `order/${TENANT}/CSP-7K2M9Q`, channelId: '19:abc@thread.tacv2' });
    // Every reserved character and space is percent-encoded, as the page asks.
    expect(link).not.toMatch(/[ +{}"]/);
    expect(link.length).toBeLessThan(1900);
  });

  it('opens the personal board tab when no inbox channel is known', () => {
    const url = new URL(boardDeepLink({ appId: APP_ID, tenantId: TENANT, orderId: 'CSP-7K2M9Q', label: 'CSP-7K2M9Q' }));
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: `order/${TENANT}/CSP-7K2M9Q` });
  });
});

describe('parseBoardSubEntityId', () => {
  it('reads back the order a sub-entity id points at, and nothing else', () => {
    expect(parseBoardSubEntityId(boardSubEntityId(TENANT, 'CSP-7K2M9Q'))).toEqual({ tenantId: TENANT, orderId: 'CSP-7K2M9Q' });
    for (const other of [undefined, '', 'order/', `order/${TENANT}`, `order/${TENANT}/CSP-1/x`, 'something else']) {
      expect(parseBoardSubEntityId(other)).toBeUndefined();
    }
  });
});
