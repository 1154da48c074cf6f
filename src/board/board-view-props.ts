import type { TabConfig } from '../tab/config/tab-config.js';
import type { TabHost } from '../tab/host/tab-host.js';
import type { BoardApiClient } from './api/board-api-client.js';

/** What every board view gets: the signed-in API, the config and the host. */
export interface BoardViewProps {
  readonly api: BoardApiClient;
  readonly config: TabConfig;
  readonly host: TabHost;
}
