import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boardPageAt } from '../domain/board/board-pages.js';
import { loadTabConfig } from '../tab/config/load-tab-config.js';
import type { ConfigLoadResult } from '../tab/config/load-tab-config.js';
import { browserPreferences, connectHost } from '../tab/host/connect-host.js';
import type { TabHost } from '../tab/host/tab-host.js';
import { BoardApp } from './components/board-app.js';
import { BoardConfigPage } from './components/board-config-page.js';

/**
 * The board's own page (`board/index.html`, built apart from the customer's
 * tab by vite.config.ts): `/board` is the board, `/board/config` the channel
 * tab's configuration page.
 */

// Stable references: the app's effects depend on them.
const connect = (): Promise<TabHost> => connectHost(window);
const fetchApi = (input: string, init?: RequestInit): Promise<Response> => fetch(input, init);
const loadConfig = (signal: AbortSignal): Promise<ConfigLoadResult> => loadTabConfig(fetchApi, signal);

const container = document.getElementById('root');
if (!container) throw new Error('The board page has no #root element');

const props = { connectHost: connect, loadConfig, initialPreferences: browserPreferences(window), fetchApi };
createRoot(container).render(
  <StrictMode>{boardPageAt(window.location.pathname) === 'config' ? <BoardConfigPage {...props} /> : <BoardApp {...props} />}</StrictMode>,
);
