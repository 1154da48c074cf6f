import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/configuration-error.js';

describe('ConfigurationError', () => {
  it('names the variable in its message and keeps it as a property', () => {
    const error = new ConfigurationError('must use https', 'INVITATION_LINK');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigurationError');
    expect(error.variable).toBe('INVITATION_LINK');
    expect(error.message).toBe('INVITATION_LINK: must use https');
  });

  it('allows a problem with no single variable', () => {
    const error = new ConfigurationError('bad link');
    expect(error.variable).toBeUndefined();
    expect(error.message).toBe('bad link');
  });
});
