import { parseTabConfig } from './tab-config.js';
import type { TabConfig } from './tab-config.js';

export const tabConfigPath = '/api/config';

/** Why the config could not be used; the UI words each kind for people and shows `detail` for support. */
export type ConfigFailure =
  | { readonly kind: 'network'; readonly detail: string }
  | { readonly kind: 'http'; readonly status: number; readonly detail: string }
  | { readonly kind: 'invalid'; readonly detail: string };

export type ConfigLoadResult =
  | { readonly ok: true; readonly config: TabConfig }
  | { readonly ok: false; readonly failure: ConfigFailure };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Fetches and validates the tab config; never throws. */
export async function loadTabConfig(fetchImpl: FetchLike, signal?: AbortSignal): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(tabConfigPath, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    return { ok: false, failure: { kind: 'network', detail: describe(error) } };
  }
  if (!response.ok) {
    const detail = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, failure: { kind: 'http', status: response.status, detail } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return { ok: false, failure: { kind: 'invalid', detail: `Not JSON: ${describe(error)}` } };
  }
  const parsed = parseTabConfig(body);
  return parsed.ok ? parsed : { ok: false, failure: { kind: 'invalid', detail: parsed.problem } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
