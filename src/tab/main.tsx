import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadTabConfig } from './config/load-tab-config.js';
import type { ConfigLoadResult } from './config/load-tab-config.js';
import { TabApp } from './components/tab-app.js';
import { browserPreferences, connectHost } from './host/connect-host.js';
import type { TabHost } from './host/tab-host.js';

// Stable references: TabApp's effects depend on them.
const connect = (): Promise<TabHost> => connectHost(window);
const fetchApi = (input: string, init?: RequestInit): Promise<Response> => fetch(input, init);
const loadConfig = (signal: AbortSignal): Promise<ConfigLoadResult> => loadTabConfig(fetchApi, signal);

const container = document.getElementById('root');
if (!container) throw new Error('The tab page has no #root element');

createRoot(container).render(
  <StrictMode>
    <TabApp
      connectHost={connect}
      loadConfig={loadConfig}
      initialPreferences={browserPreferences(window)}
      fetchApi={fetchApi}
    />
  </StrictMode>,
);
