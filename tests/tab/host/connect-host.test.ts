import { describe, expect, it } from 'vitest';
import { browserPreferences, connectHost } from '../../../src/tab/host/connect-host.js';
import type { HostWindow } from '../../../src/tab/host/connect-host.js';

/** A stand-in for `window`: teams-js finds no Teams host under Node, so connectHost must fall back to it. */
function fakeWindow(search: string, language: string, prefersDark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const scheme = {
    matches: prefersDark,
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  };
  const win = {
    location: { search },
    navigator: { language },
    matchMedia: (query: string) => {
      expect(query).toBe('(prefers-color-scheme: dark)');
      return scheme;
    },
  } as unknown as HostWindow;
  const flipScheme = (dark: boolean): void =>
    listeners.forEach((listener) => listener({ matches: dark } as MediaQueryListEvent));
  return { win, flipScheme, listenerCount: () => listeners.size };
}

describe('connectHost outside Teams', () => {
  it('falls back to a browser host with the browser language and colour scheme', async () => {
    const { win } = fakeWindow('', 'ru-RU', true);
    const host = await connectHost(win, 50);
    expect(host.kind).toBe('browser');
    expect(host.preferences).toEqual({ locale: 'ru', theme: 'dark' });
  });

  it('applies query overrides', async () => {
    const { win } = fakeWindow('?locale=en&theme=contrast', 'ru-RU', false);
    const host = await connectHost(win, 50);
    expect(host.preferences).toEqual({ locale: 'en', theme: 'contrast' });
  });

  it('follows the colour scheme until unsubscribed', async () => {
    const { win, flipScheme, listenerCount } = fakeWindow('', 'en-US', false);
    const host = await connectHost(win, 50);
    const seen: string[] = [];
    const stop = host.watchTheme((theme) => seen.push(theme));
    flipScheme(true);
    flipScheme(false);
    stop();
    flipScheme(true);
    expect(seen).toEqual(['dark', 'default']);
    expect(listenerCount()).toBe(0);
  });

  it('ignores colour scheme changes when the query pins the theme', async () => {
    const { win, flipScheme } = fakeWindow('?theme=default', 'en-US', false);
    const host = await connectHost(win, 50);
    const seen: string[] = [];
    host.watchTheme((theme) => seen.push(theme));
    flipScheme(true);
    expect(seen).toEqual([]);
  });
});

describe('browserPreferences', () => {
  it('works without matchMedia', () => {
    const win: HostWindow = { location: { search: '' }, navigator: { language: 'ru' } };
    expect(browserPreferences(win)).toEqual({ locale: 'ru', theme: 'default' });
  });
});
