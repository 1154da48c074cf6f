import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { buildAppPackage } from './build-app-package.js';
import type { PlaceholderEnv } from './fill-placeholders.js';

export interface PackageAppOptions {
  /** The repository root: holds `appPackage/` and `env/`. */
  readonly rootDir: string;
  /** `dev` reads `env/.env.dev` and writes `appPackage/build/appPackage.dev.zip`. */
  readonly envName: string;
  /** Wins over both env files, so CI can set or override any value. */
  readonly processEnv: PlaceholderEnv;
}

export class EnvFileMissingError extends Error {
  override readonly name = 'EnvFileMissingError';
}

/** Env names become file names: keep them to one harmless path segment. */
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Builds `appPackage/build/appPackage.<env>.zip` from `appPackage/` with the
 * values of `env/.env.<env>`, then `env/.env.<env>.user` (local secrets and
 * overrides, not committed), then the process environment.
 * @returns the absolute path of the zip written.
 */
export async function packageApp(options: PackageAppOptions): Promise<string> {
  if (!ENV_NAME.test(options.envName)) {
    throw new Error(`invalid env name "${options.envName}": use letters, digits, "-" or "_"`);
  }
  const envFile = path.join(options.rootDir, 'env', `.env.${options.envName}`);
  const fileValues = await readEnvFile(envFile);
  if (fileValues === undefined) {
    throw new EnvFileMissingError(
      `${path.relative(options.rootDir, envFile)} not found: create it (from the templates in env/) with the values for "${options.envName}"`,
    );
  }
  const userValues = (await readEnvFile(`${envFile}.user`)) ?? {};
  const env: PlaceholderEnv = { ...fileValues, ...userValues, ...definedOnly(options.processEnv) };

  const appPackageDir = path.join(options.rootDir, 'appPackage');
  const appPackage = await buildAppPackage(
    {
      manifestTemplate: await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8'),
      readFile: (fileName) => readFile(path.join(appPackageDir, fileName)),
    },
    env,
  );

  const zipPath = path.join(appPackageDir, 'build', `appPackage.${options.envName}.zip`);
  await mkdir(path.dirname(zipPath), { recursive: true });
  await writeFile(zipPath, appPackage.zip);
  return zipPath;
}

async function readEnvFile(filePath: string): Promise<PlaceholderEnv | undefined> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  return parseEnv(text);
}

/** An unset or blank variable must not hide the env file's value. */
function definedOnly(env: PlaceholderEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
