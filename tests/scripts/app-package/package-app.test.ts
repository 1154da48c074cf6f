import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvFileMissingError, packageApp } from '../../../scripts/app-package/package-app.js';
import { MissingPlaceholdersError } from '../../../scripts/app-package/fill-placeholders.js';
import { SAMPLE_ENV } from './sample-env.js';
import { omit } from './omit.js';

const committedAppPackage = fileURLToPath(new URL('../../../appPackage/', import.meta.url));

function envFile(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

async function manifestIn(zipPath: string): Promise<{ id: string; validDomains: string[]; developer: { name: string } }> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  return JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '') as {
    id: string;
    validDomains: string[];
    developer: { name: string };
  };
}

describe('packageApp', () => {
  let rootDir: string;

  beforeEach(async () => {
    rootDir = await mkdtemp(path.join(tmpdir(), 'package-app-'));
    await cp(committedAppPackage, path.join(rootDir, 'appPackage'), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}build`),
    });
    await mkdir(path.join(rootDir, 'env'));
  });
  afterEach(async () => {
    await rm(rootDir, { recursive: true, force: true });
  });

  it('writes appPackage/build/appPackage.<env>.zip from env/.env.<env>', async () => {
    await writeFile(path.join(rootDir, 'env', '.env.dev'), `# dev values\n${envFile(SAMPLE_ENV)}\n`);
    const zipPath = await packageApp({ rootDir, envName: 'dev', processEnv: {} });
    expect(zipPath).toBe(path.join(rootDir, 'appPackage', 'build', 'appPackage.dev.zip'));
    expect((await manifestIn(zipPath)).id).toBe(SAMPLE_ENV.TEAMS_APP_ID);
  });

  it('lets the .user file override the env file, and the process environment override both', async () => {
    const shared = omit(SAMPLE_ENV, 'DISTRIBUTOR_NAME', 'BOT_DOMAIN');
    await writeFile(
      path.join(rootDir, 'env', '.env.dev'),
      envFile({ ...shared, DISTRIBUTOR_NAME: 'From env file', BOT_DOMAIN: 'file.example.com' }),
    );
    await writeFile(
      path.join(rootDir, 'env', '.env.dev.user'),
      envFile({ DISTRIBUTOR_NAME: 'From user file', BOT_DOMAIN: 'user.example.com' }),
    );
    const zipPath = await packageApp({
      rootDir,
      envName: 'dev',
      processEnv: { BOT_DOMAIN: 'process.example.com', DISTRIBUTOR_NAME: '' },
    });
    const manifest = await manifestIn(zipPath);
    expect(manifest.developer.name).toBe('From user file');
    expect(manifest.validDomains).toEqual(['process.example.com']);
  });

  it('says clearly when the env file does not exist', async () => {
    await expect(packageApp({ rootDir, envName: 'staging', processEnv: SAMPLE_ENV })).rejects.toThrow(EnvFileMissingError);
    await expect(packageApp({ rootDir, envName: 'staging', processEnv: SAMPLE_ENV })).rejects.toThrow(
      `${path.join('env', '.env.staging')} not found`,
    );
  });

  it('names the variables the env file lacks', async () => {
    const withoutBotId = omit(SAMPLE_ENV, 'BOT_ID');
    await writeFile(path.join(rootDir, 'env', '.env.dev'), `${envFile(withoutBotId)}\nBOT_ID=\n`);
    await expect(packageApp({ rootDir, envName: 'dev', processEnv: {} })).rejects.toThrow(MissingPlaceholdersError);
    await expect(packageApp({ rootDir, envName: 'dev', processEnv: {} })).rejects.toThrow('BOT_ID');
  });

  it('refuses env names that are not a plain name', async () => {
    await expect(packageApp({ rootDir, envName: '../dev', processEnv: {} })).rejects.toThrow('invalid env name');
  });
});
