import { createContext, useContext } from 'react';

/**
 * The Entra app's client id from `/api/config`, for the admin-consent link
 * when sign-in fails before the server could send one.
 */
export const AppRegistrationContext = createContext<string | undefined>(undefined);

export function useAppClientId(): string | undefined {
  return useContext(AppRegistrationContext);
}
