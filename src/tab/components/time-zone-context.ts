import { createContext, useContext } from 'react';

/** The distributor's time zone (`/api/config` `timeZone`): every time the tab shows is in it. */
export const TimeZoneContext = createContext<string>('Europe/Moscow');

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
