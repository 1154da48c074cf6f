import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fillPlaceholdersInJson, placeholderNames } from '../../scripts/app-package/fill-placeholders.js';
import { validateWithBundledSchema } from '../../scripts/app-package/validate-with-bundled-schema.js';
import { SAMPLE_ENV } from '../scripts/app-package/sample-env.js';
import { omit } from '../scripts/app-package/omit.js';

const read = (name: string) => readFileSync(new URL(`../../appPackage/${name}`, import.meta.url));
const manifestTemplate = read('manifest.json').toString('utf8');
const ruTemplate = read('ru-ru.json').toString('utf8');

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  name: { short: string; full: string };
  description: { short: string; full: string };
  staticTabs: { entityId: string; name?: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[];
  configurableTabs: { id: string; configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[] }[];
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  permissions: string[];
  [key: string]: unknown;
}

const manifest = fillPlaceholdersInJson(manifestTemplate, SAMPLE_ENV) as Manifest;
const ru = fillPlaceholdersInJson(ruTemplate, SAMPLE_ENV) as Record<string, string>;

describe('appPackage/manifest.json', () => {
  it('uses exactly the placeholders the env files must provide', () => {
    expect(placeholderNames(manifestTemplate + ruTemplate).sort()).toEqual(Object.keys(SAMPLE_ENV).sort());
  });

  it('is valid against the bundled v1.30 schema once filled', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(validateWithBundledSchema('manifest', '1.30', manifest)).toEqual([]);
  });

  it('fails the schema without a required field', () => {
    expect(validateWithBundledSchema('manifest', '1.30', omit(manifest, 'icons'))).toEqual([
      "(root) must have required property 'icons'",
    ]);
  });

  it('offers the onboarding tab and the about tab in the personal scope', () => {
    const onboarding = manifest.staticTabs.find((tab) => tab.entityId === 'onboarding');
    expect(onboarding?.scopes).toEqual(['personal']);
    expect(onboarding?.contentUrl).toBe('https://onboarding.example.com/index.html?inTeams=1');
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toContain('about');
  });

  it('offers the board as a channel tab of a team, set up on /board/config, and as a personal tab', () => {
    expect(manifest.configurableTabs).toEqual([
      {
        id: 'board',
        configurationUrl: 'https://onboarding.example.com/board/config',
        canUpdateConfiguration: false,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
    const board = manifest.staticTabs.find((tab) => tab.entityId === 'board');
    expect(board?.scopes).toEqual(['personal']);
    expect(board?.contentUrl).toBe('https://onboarding.example.com/board?inTeams=1');
    expect(board?.websiteUrl).toBe('https://onboarding.example.com/board');
    // The customer's tab stays first, so it is what the personal app opens on.
    expect(manifest.staticTabs[0]?.entityId).toBe('onboarding');
  });

  it('declares the bot for personal chat and teams, with order, status and help commands', () => {
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(SAMPLE_ENV.BOT_ID);
    expect(bot?.scopes).toEqual(['personal', 'team']);
    expect(bot?.supportsFiles).toBe(false);
    const personal = bot?.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((command) => command.title)).toEqual(['order', 'status', 'help']);
    expect(bot?.commandLists.some((list) => list.scopes.includes('team'))).toBe(true);
  });

  it('points SSO at the multi-tenant Entra app and trusts only the bot domain', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE_ENV.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE_ENV.BOT_DOMAIN}/botid-${SAMPLE_ENV.BOT_ID}`,
    });
    expect(manifest.validDomains).toEqual([SAMPLE_ENV.BOT_DOMAIN]);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
  });

  it('defaults to English and ships Russian in ru-ru.json', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'ru-ru', file: 'ru-ru.json' }],
    });
  });
});

describe('appPackage/ru-ru.json', () => {
  it('is valid against the bundled v1.30 localization schema', () => {
    expect(validateWithBundledSchema('localization', '1.30', ru)).toEqual([]);
  });

  it('translates every text a user sees', () => {
    const texts: Record<string, string | undefined> = {
      'name.short': manifest.name.short,
      'name.full': manifest.name.full,
      'description.short': manifest.description.short,
      'description.full': manifest.description.full,
    };
    manifest.staticTabs.forEach((tab, i) => {
      if (tab.name !== undefined) texts[`staticTabs[${i}].name`] = tab.name;
    });
    manifest.bots[0]?.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        texts[`bots[0].commandLists[${l}].commands[${c}].title`] = command.title;
        texts[`bots[0].commandLists[${l}].commands[${c}].description`] = command.description;
      }),
    );
    for (const key of Object.keys(texts)) {
      expect(ru[key], key).toMatch(/[а-яё]/i);
    }
    expect(Object.keys(ru).filter((key) => key !== '$schema').sort()).toEqual(Object.keys(texts).sort());
  });
});

describe('appPackage icons', () => {
  const color = PNG.sync.read(read('color.png'));
  const outline = PNG.sync.read(read('outline.png'));

  it('has a 192×192 color icon and a 32×32 outline icon', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('draws the outline white on a transparent background', () => {
    const pixels = Array.from({ length: outline.data.length / 4 }, (_, i) => outline.data.subarray(i * 4, i * 4 + 4));
    const visible = pixels.filter((pixel) => pixel[3] !== 0);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(pixels.length);
    expect(visible.every((pixel) => pixel[0] === 255 && pixel[1] === 255 && pixel[2] === 255)).toBe(true);
    expect(pixels[0]?.[3]).toBe(0);
  });

  it('fills the color icon with colour, not transparency, at its centre', () => {
    const centre = (96 * 192 + 96) * 4;
    expect(color.data[centre + 3]).toBe(255);
  });
});
