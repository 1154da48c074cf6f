import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SKU_CSV_PATH, TAB_BUILD_PATH } from '../../bot/project-paths.js';
import { projectFile } from './support/project-file.js';

/**
 * Whether azureAppService/zipDeploy uploads `relativePath`. Like the Agents
 * Toolkit it reads .webappignore line by line into the `ignore` package (plus
 * its own `.deployment` folder) and does not walk into an ignored folder.
 */
function isUploaded(relativePath: string): boolean {
  const rules = ignore().add('.deployment');
  for (const line of readFileSync(projectFile('.webappignore'), 'utf8').split('\n')) rules.add(line.trim());
  const segments = relativePath.split('/');
  return segments.every((_segment, index) => !rules.ignores(segments.slice(0, index + 1).join('/')));
}

const serverEntry = (() => {
  const tsconfig = z
    .object({ compilerOptions: z.object({ outDir: z.string() }) })
    .parse(JSON.parse(readFileSync(projectFile('tsconfig.build.json'), 'utf8')));
  return path.posix.join(tsconfig.compilerOptions.outDir, 'bot', 'main.js');
})();

describe('.webappignore (what `atk deploy` uploads to App Service)', () => {
  it.each([
    serverEntry,
    `${TAB_BUILD_PATH}/index.html`,
    `${TAB_BUILD_PATH}/assets/index-abc123.js`,
    SKU_CSV_PATH,
    'package.json',
    'package-lock.json',
  ])('uploads %s', (file) => {
    expect(isUploaded(file)).toBe(true);
  });

  it.each([
    'node_modules/botbuilder/package.json',
    'env/.env.dev',
    'env/.env.dev.user',
    '.localConfigs',
    '.env',
    'src/domain/order/order.ts',
    'bot/main.ts',
    'tests/deploy/bicep.test.ts',
    'appPackage/build/appPackage.dev.zip',
    'infra/azure.bicep',
    'teamsapp.yml',
    'dist/coverage/index.html',
    '.deployment/deployment.zip',
  ])('leaves out %s', (file) => {
    expect(isUploaded(file)).toBe(false);
  });
});
