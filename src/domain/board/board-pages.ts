/**
 * Where the distributor's board lives. The same static server hosts it with
 * the customer's tab (bot/http/tab-routes.ts), and the tab's entry loads the
 * board's own chunk only on these paths (src/tab/main.tsx).
 */

/** The board itself: the channel tab's and the personal tab's content page. */
export const BOARD_PATH = '/board';

/** The channel tab's configuration page (manifest `configurableTabs[0].configurationUrl`). */
export const BOARD_CONFIG_PATH = '/board/config';

/** The tab's `entityId`, in the manifest's static tab and in the channel tab's saved settings alike. */
export const BOARD_ENTITY_ID = 'board';

export type BoardPage = 'board' | 'config';

/** Which board page a URL path is, or undefined when it is the customer's tab. A trailing slash is the same page. */
export function boardPageAt(pathname: string): BoardPage | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === BOARD_PATH) return 'board';
  if (path === BOARD_CONFIG_PATH) return 'config';
  return undefined;
}
