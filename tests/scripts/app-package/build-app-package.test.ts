import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, InvalidAppPackageError } from '../../../scripts/app-package/build-app-package.js';
import type { AppPackageSources } from '../../../scripts/app-package/build-app-package.js';
import { MissingPlaceholdersError } from '../../../scripts/app-package/fill-placeholders.js';
import { SAMPLE_ENV } from './sample-env.js';
import { omit } from './omit.js';

const appPackageDir = new URL('../../../appPackage/', import.meta.url);

/** The committed appPackage/ sources, with some files replaced or removed. */
async function sources(overrides: Record<string, string | null> = {}): Promise<AppPackageSources> {
  const manifestTemplate = overrides['manifest.json'] ?? (await readFile(new URL('manifest.json', appPackageDir), 'utf8'));
  return {
    manifestTemplate,
    readFile: async (fileName) => {
      const override = overrides[fileName];
      if (override === null) throw new Error(`ENOENT: ${fileName}`);
      if (override !== undefined) return new TextEncoder().encode(override);
      return readFile(new URL(fileName, appPackageDir));
    },
  };
}

async function manifestWith(change: (manifest: Record<string, unknown>) => void): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', appPackageDir), 'utf8')) as Record<string, unknown>;
  change(manifest);
  return JSON.stringify(manifest);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the build to fail');
    },
    (error: unknown) => error,
  );
}

describe('buildAppPackage', () => {
  it('zips exactly the manifest, its localization file and the two icons', async () => {
    const built = await buildAppPackage(await sources(), SAMPLE_ENV);
    const zip = await JSZip.loadAsync(built.zip);
    const entries = Object.keys(zip.files).sort();
    expect(entries).toEqual(['color.png', 'manifest.json', 'outline.png', 'ru-ru.json']);
    expect([...built.fileNames].sort()).toEqual(entries);
    expect(built.fileNames[0]).toBe('manifest.json');
  });

  it('fills the placeholders of the manifest and of the localization file', async () => {
    const built = await buildAppPackage(await sources(), SAMPLE_ENV);
    const zip = await JSZip.loadAsync(built.zip);
    const manifestText = (await zip.file('manifest.json')?.async('string')) ?? '';
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.id).toBe(SAMPLE_ENV.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(SAMPLE_ENV.BOT_ID);
    expect(manifest.validDomains).toEqual([SAMPLE_ENV.BOT_DOMAIN]);
    expect(manifest.webApplicationInfo.id).toBe(SAMPLE_ENV.AAD_APP_CLIENT_ID);

    const ru = JSON.parse((await zip.file('ru-ru.json')?.async('string')) ?? '') as Record<string, string>;
    expect(ru['name.short']).toBe('Подключение к CSP');
  });

  it('copies the icons byte for byte', async () => {
    const zip = await JSZip.loadAsync((await buildAppPackage(await sources(), SAMPLE_ENV)).zip);
    const color = await zip.file('color.png')?.async('uint8array');
    expect(Buffer.from(color ?? [])).toEqual(await readFile(new URL('color.png', appPackageDir)));
  });

  it('gives the same bytes for the same inputs', async () => {
    const first = await buildAppPackage(await sources(), SAMPLE_ENV);
    const second = await buildAppPackage(await sources(), SAMPLE_ENV);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
  });

  it('names every missing variable, from the manifest and the localization file', async () => {
    const ruWithPlaceholder = JSON.stringify({
      ...JSON.parse(await readFile(new URL('ru-ru.json', appPackageDir), 'utf8')),
      'name.full': 'Подключение к CSP от ${{DISTRIBUTOR_NAME_RU}}',
    });
    const env = omit(SAMPLE_ENV, 'BOT_ID', 'BOT_DOMAIN');
    const error = await failure(buildAppPackage(await sources({ 'ru-ru.json': ruWithPlaceholder }), env));
    expect(error).toBeInstanceOf(MissingPlaceholdersError);
    expect([...(error as MissingPlaceholdersError).missing].sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'DISTRIBUTOR_NAME_RU']);
  });

  it('rejects a manifest that misses a required field', async () => {
    const manifest = await manifestWith((m) => delete m['developer']);
    const error = await failure(buildAppPackage(await sources({ 'manifest.json': manifest }), SAMPLE_ENV));
    expect(error).toBeInstanceOf(InvalidAppPackageError);
    expect((error as InvalidAppPackageError).problems).toEqual([
      "manifest.json: (root) must have required property 'developer'",
    ]);
  });

  it('rejects env values that make the manifest invalid', async () => {
    const error = await failure(
      buildAppPackage(await sources(), { ...SAMPLE_ENV, TEAMS_APP_ID: 'my-app', BOT_DOMAIN: 'https://onboarding.example.com' }),
    );
    expect(error).toBeInstanceOf(InvalidAppPackageError);
    const problems = (error as InvalidAppPackageError).problems;
    expect(problems.some((problem) => problem.startsWith('manifest.json: /id must match pattern'))).toBe(true);
    expect(problems).toContain(
      'manifest.json: validDomains: "https://onboarding.example.com" must be a lower-case host name without scheme or path',
    );
  });

  it('rejects an invalid localization file and keys that match nothing', async () => {
    const ru = JSON.stringify({
      ...JSON.parse(await readFile(new URL('ru-ru.json', appPackageDir), 'utf8')),
      'name.short': 'Слишком длинное название приложения',
      'staticTabs[7].name': 'Нет такой вкладки',
    });
    const error = await failure(buildAppPackage(await sources({ 'ru-ru.json': ru }), SAMPLE_ENV));
    expect((error as InvalidAppPackageError).problems).toEqual([
      'ru-ru.json: /name.short must NOT have more than 30 characters',
      'ru-ru.json: "staticTabs[7].name" matches no text in manifest.json',
    ]);
  });

  it('reports referenced files that are missing or are not valid', async () => {
    const missing = await failure(buildAppPackage(await sources({ 'outline.png': null }), SAMPLE_ENV));
    expect((missing as InvalidAppPackageError).problems).toEqual([
      'outline.png: referenced by manifest.json but cannot be read',
    ]);
    const broken = await failure(buildAppPackage(await sources({ 'ru-ru.json': '{ not json' }), SAMPLE_ENV));
    expect((broken as InvalidAppPackageError).problems).toEqual([
      expect.stringMatching(/^ru-ru\.json: not valid JSON/),
    ]);
  });

  it('refuses file references outside the package folder', async () => {
    const manifest = await manifestWith((m) => {
      m['icons'] = { color: '../secret.png', outline: 'outline.png' };
    });
    const error = await failure(buildAppPackage(await sources({ 'manifest.json': manifest }), SAMPLE_ENV));
    expect((error as InvalidAppPackageError).problems).toEqual([
      '"../secret.png" must be a plain file name next to manifest.json',
    ]);
  });
});
