import type { ReactElement } from 'react';
import type { LocalizedText } from '../domain/i18n/locale.js';
import type { TabConfig } from '../tab/config/tab-config.js';
import type { TabHost } from '../tab/host/tab-host.js';
import type { BoardApiClient } from './api/board-api-client.js';

/** What every board view gets: the signed-in API, the config and the host. */
export interface BoardViewProps {
  readonly api: BoardApiClient;
  readonly config: TabConfig;
  readonly host: TabHost;
}

/** One view of the board (board-view-list.tsx lists them). */
export interface BoardView {
  /** Stable: element ids are made from it. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly render: (props: BoardViewProps) => ReactElement;
}
