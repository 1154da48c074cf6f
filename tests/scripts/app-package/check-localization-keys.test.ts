import { describe, expect, it } from 'vitest';
import { unmatchedLocalizationKeys } from '../../../scripts/app-package/check-localization-keys.js';

const manifest = {
  name: { short: 'CSP Onboarding', full: 'CSP onboarding' },
  description: { short: 'Short', full: 'Full' },
  staticTabs: [{ entityId: 'onboarding', name: 'Onboarding' }, { entityId: 'about' }],
  bots: [{ commandLists: [{ commands: [{ title: 'order', description: 'Order licenses' }] }] }],
};

describe('unmatchedLocalizationKeys', () => {
  it('accepts keys that point at texts of the manifest', () => {
    expect(
      unmatchedLocalizationKeys(manifest, {
        $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json',
        'name.short': 'Подключение к CSP',
        'description.full': 'Полностью',
        'staticTabs[0].name': 'Подключение',
        'bots[0].commandLists[0].commands[0].title': 'заказ',
        'bots[0].commandLists[0].commands[0].description': 'Заказать лицензии',
        localizationKeys: {},
      }),
    ).toEqual([]);
  });

  it('reports keys whose element or text does not exist', () => {
    expect(
      unmatchedLocalizationKeys(manifest, {
        'staticTabs[1].name': 'О приложении',
        'staticTabs[5].name': 'Нет такой',
        'bots[0].commandLists[1].commands[0].title': 'статус',
        'bots[0].commandLists[0].commands[0].prompt': 'нет',
        'name.short': 'Подключение',
      }),
    ).toEqual([
      'staticTabs[1].name',
      'staticTabs[5].name',
      'bots[0].commandLists[1].commands[0].title',
      'bots[0].commandLists[0].commands[0].prompt',
    ]);
  });

  it('does not follow inherited properties', () => {
    expect(unmatchedLocalizationKeys(manifest, { 'name.constructor': 'x', 'toString': 'x' })).toEqual([
      'name.constructor',
      'toString',
    ]);
  });
});
