import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packageApp } from '../../scripts/app-package/package-app.js';
import { fillPlaceholdersInJson } from '../../scripts/app-package/fill-placeholders.js';
import { environmentTemplates } from './support/env-template.js';
import type { EnvTemplate } from './support/env-template.js';
import { projectFile } from './support/project-file.js';

/** Stand-ins for what provisioning (or the tunnel, for `local`) writes into an empty variable. */
const PROVISIONED_SAMPLES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '6f1c2b8e-3d4a-4e5f-9a7b-0c1d2e3f4a5b',
  TEAMS_APP_TENANT_ID: '2d4e6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4b',
  AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
  AAD_APP_OBJECT_ID: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'f0e1d2c3-b4a5-4697-8877-665544332211',
  BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
  BOT_DOMAIN: 'csponb3f9a1c.azurewebsites.net',
  BOT_ENDPOINT: 'https://csponb3f9a1c.azurewebsites.net',
};

/** The template with each empty variable the manifests may use filled as provisioning would. */
function provisionedValues(template: EnvTemplate): Record<string, string> {
  return Object.fromEntries(
    template.variables.map((variable) => [variable.name, variable.value || (PROVISIONED_SAMPLES[variable.name] ?? '')]),
  );
}

function envFileText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join('\n');
}

const TEMPLATES = environmentTemplates();

describe('the Teams app package of each environment template', () => {
  let rootDir: string;

  beforeAll(async () => {
    rootDir = await mkdtemp(path.join(tmpdir(), 'deploy-app-package-'));
    await cp(projectFile('appPackage'), path.join(rootDir, 'appPackage'), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'build',
    });
    await mkdir(path.join(rootDir, 'env'));
  });
  afterAll(async () => {
    await rm(rootDir, { recursive: true, force: true });
  });

  it.each(TEMPLATES.map((template) => [template.envName, template] as const))(
    'env "%s": builds, validates and holds exactly the manifest, its Russian texts and the icons',
    async (envName, template) => {
      const values = provisionedValues(template);
      await writeFile(path.join(rootDir, 'env', `.env.${envName}`), envFileText(values));

      const zipPath = await packageApp({ rootDir, envName, processEnv: {} });

      const zip = await JSZip.loadAsync(await readFile(zipPath));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'ru-ru.json']);
      const manifest = z
        .object({ developer: z.object({ name: z.string() }), webApplicationInfo: z.object({ id: z.string(), resource: z.string() }) })
        .loose()
        .parse(JSON.parse((await zip.file('manifest.json')?.async('string')) ?? ''));
      expect(manifest.developer.name).toBe(values['DISTRIBUTOR_NAME']);

      // The same values make the Entra app's Application ID URI: SSO needs them equal.
      const entra = z
        .object({ appId: z.string(), identifierUris: z.array(z.string()) })
        .loose()
        .parse(fillPlaceholdersInJson(readFileSync(projectFile('aad.manifest.json'), 'utf8'), { ...values, APP_NAME_SUFFIX: values['APP_NAME_SUFFIX'] || 'x' }));
      expect(entra.appId).toBe(manifest.webApplicationInfo.id);
      expect(entra.identifierUris).toContain(manifest.webApplicationInfo.resource);
      expect(manifest.webApplicationInfo.resource).toBe(manifest.webApplicationInfo.resource.toLowerCase());
    },
  );
});
