import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InvalidAppPackageError } from './app-package/build-app-package.js';
import { MissingPlaceholdersError } from './app-package/fill-placeholders.js';
import { EnvFileMissingError, packageApp } from './app-package/package-app.js';

// Usage: tsx scripts/package-app.ts --env <name>   (npm run package -- --env dev)
const rootDir = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' } } });
  const envName = values.env;
  if (envName === undefined || envName === '') {
    console.error('usage: tsx scripts/package-app.ts --env <name>   (reads env/.env.<name>)');
    return 2;
  }
  try {
    const zipPath = await packageApp({ rootDir, envName, processEnv: process.env });
    console.log(path.relative(process.cwd(), zipPath) || zipPath);
    return 0;
  } catch (error) {
    if (error instanceof MissingPlaceholdersError) {
      console.error(
        `missing values for env "${envName}": ${error.missing.join(', ')}\n` +
          `set them in env/.env.${envName}, env/.env.${envName}.user or the environment`,
      );
    } else if (error instanceof EnvFileMissingError || error instanceof InvalidAppPackageError) {
      console.error(error.message);
    } else {
      throw error;
    }
    return 1;
  }
}

process.exitCode = await main();
