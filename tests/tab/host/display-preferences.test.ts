import { describe, expect, it } from 'vitest';
import { queryOverrides, resolveDisplayPreferences } from '../../../src/tab/host/display-preferences.js';

const lightEnglishBrowser = { language: 'en-US', prefersDark: false };

describe('queryOverrides', () => {
  it('reads locale and theme from the query string', () => {
    expect(queryOverrides('?locale=ru&theme=dark')).toEqual({ locale: 'ru', theme: 'dark' });
    expect(queryOverrides(new URLSearchParams('theme=contrast'))).toEqual({ theme: 'contrast' });
  });

  it('accepts values in any case', () => {
    expect(queryOverrides('?locale=EN&theme=Dark')).toEqual({ locale: 'en', theme: 'dark' });
  });

  it('ignores values it does not know instead of guessing', () => {
    expect(queryOverrides('?locale=fr&theme=light')).toEqual({});
    expect(queryOverrides('?locale=ru-RU')).toEqual({});
    expect(queryOverrides('')).toEqual({});
  });
});

describe('resolveDisplayPreferences', () => {
  it('outside Teams follows the browser language and colour scheme', () => {
    expect(resolveDisplayPreferences({ query: '', browser: { language: 'ru-RU', prefersDark: true } })).toEqual({
      locale: 'ru',
      theme: 'dark',
    });
    expect(resolveDisplayPreferences({ query: '', browser: lightEnglishBrowser })).toEqual({
      locale: 'en',
      theme: 'default',
    });
  });

  it('inside Teams follows the Teams locale and theme, not the browser', () => {
    const preferences = resolveDisplayPreferences({
      query: '',
      teams: { locale: 'ru-ru', theme: 'contrast' },
      browser: { language: 'en-US', prefersDark: true },
    });
    expect(preferences).toEqual({ locale: 'ru', theme: 'contrast' });
  });

  it('falls back to the browser for what the Teams context leaves out', () => {
    const preferences = resolveDisplayPreferences({
      query: '',
      teams: {},
      browser: { language: 'ru', prefersDark: true },
    });
    expect(preferences).toEqual({ locale: 'ru', theme: 'dark' });
  });

  it('lets query overrides win over Teams and the browser', () => {
    const preferences = resolveDisplayPreferences({
      query: '?locale=en&theme=default',
      teams: { locale: 'ru-RU', theme: 'dark' },
      browser: { language: 'ru-RU', prefersDark: true },
    });
    expect(preferences).toEqual({ locale: 'en', theme: 'default' });
  });

  it('overrides only what the query names', () => {
    const preferences = resolveDisplayPreferences({
      query: '?theme=dark',
      teams: { locale: 'ru-RU', theme: 'default' },
      browser: lightEnglishBrowser,
    });
    expect(preferences).toEqual({ locale: 'ru', theme: 'dark' });
  });

  it('treats a non-Russian Teams locale as English', () => {
    const preferences = resolveDisplayPreferences({ query: '', teams: { locale: 'de-de', theme: 'dark' }, browser: lightEnglishBrowser });
    expect(preferences.locale).toBe('en');
  });
});
