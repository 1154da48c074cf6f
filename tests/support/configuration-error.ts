import { ConfigurationError } from '../../src/domain/configuration-error.js';

/** The ConfigurationError `action` throws; fails the test when it throws nothing or another error. */
export function configurationError(action: () => unknown): ConfigurationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError, but nothing was thrown');
}
