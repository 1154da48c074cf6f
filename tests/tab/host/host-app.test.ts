import { describe, expect, it } from 'vitest';
import { hostAppFromName } from '../../../src/tab/host/host-app.js';

describe('hostAppFromName', () => {
  it.each([
    ['Teams', 'teams'],
    ['TeamsModern', 'teams'],
    [undefined, 'teams'],
    ['Outlook', 'outlook'],
    ['OutlookWin32', 'outlook'],
    ['Office', 'microsoft365'],
    ['Places', 'other'],
  ] as const)('reads the teams-js host name %s as %s', (name, app) => {
    expect(hostAppFromName(name)).toBe(app);
  });
});
