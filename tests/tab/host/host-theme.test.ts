import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { fluentThemeFor, hostThemeFromTeams, isHostTheme } from '../../../src/tab/host/host-theme.js';

describe('hostThemeFromTeams', () => {
  it.each([
    ['default', 'default'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    [' Dark ', 'dark'],
  ] as const)('maps the Teams theme %j to %s', (teams, expected) => {
    expect(hostThemeFromTeams(teams)).toBe(expected);
  });

  it.each(['glass', 'unknown', '', undefined, null])('renders the unknown or missing theme %j light', (teams) => {
    expect(hostThemeFromTeams(teams)).toBe('default');
  });
});

describe('isHostTheme', () => {
  it('accepts exactly the three Teams themes', () => {
    expect(['default', 'dark', 'contrast'].every(isHostTheme)).toBe(true);
    expect(isHostTheme('light')).toBe(false);
    expect(isHostTheme(1)).toBe(false);
  });
});

describe('fluentThemeFor', () => {
  it('uses the Teams flavours of the Fluent themes', () => {
    expect(fluentThemeFor('default')).toBe(teamsLightTheme);
    expect(fluentThemeFor('dark')).toBe(teamsDarkTheme);
    expect(fluentThemeFor('contrast')).toBe(teamsHighContrastTheme);
  });
});
