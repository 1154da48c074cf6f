import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AZURITE_ACCOUNT_KEY } from '../../bot/config.js';
import { environmentTemplates, readEnvTemplate, userExampleFileNames } from './support/env-template.js';
import { projectFile } from './support/project-file.js';
import { secretLikeLiterals } from './support/secret-patterns.js';

/** Committed deployment files: the Toolkit expands them, Azure and Entra receive them. */
const COMMITTED_FILES = [
  'teamsapp.yml',
  'teamsapp.local.yml',
  'aad.manifest.json',
  'aad.access-token-version.manifest.json',
  '.webappignore',
  'infra/azure.bicep',
  'infra/azure.parameters.json',
  ...readdirSync(projectFile('infra', 'modules')).map((name) => `infra/modules/${name}`),
  ...readdirSync(projectFile('env')).filter((name) => !name.endsWith('.user')).map((name) => `env/${name}`),
];

const SECRET_VARIABLE = /SECRET|PASSWORD|TOKEN|CONNECTION_STRING|_KEY$/;

describe('no secrets in committed deployment files', () => {
  it('recognizes the credentials it looks for', () => {
    const fakeEntraSecret = ['abc', '8Q~', 'x'.repeat(34)].join('');
    expect(secretLikeLiterals(`AccountKey=${AZURITE_ACCOUNT_KEY}`)).toContain('storage account key');
    expect(secretLikeLiterals(`"value": "${fakeEntraSecret}"`)).toContain('Entra client secret');
    expect(secretLikeLiterals('https://x.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sp=%2F&sig=AbCdEfGhIjKlMnOpQrStUv')).toContain(
      'SAS or webhook signature',
    );
    expect(secretLikeLiterals('smtp://user:pa55@mail.example.ru')).toContain('password in a URL');
    expect(secretLikeLiterals(`token: ${AZURITE_ACCOUNT_KEY.slice(0, 60)}`)).toContain('long base64 run');
    expect(secretLikeLiterals("'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01'")).toEqual([]);
    expect(secretLikeLiterals("AccountKey=${storage.listKeys().keys[0].value}")).toEqual([]);
  });

  it.each(COMMITTED_FILES)('%s holds no secret-looking literal', (file) => {
    expect(secretLikeLiterals(readFileSync(projectFile(file), 'utf8'))).toEqual([]);
  });

  it('keeps secret variables out of the committed env files', () => {
    const leaks = environmentTemplates().flatMap((template) =>
      template.variables
        .filter((variable) => SECRET_VARIABLE.test(variable.name))
        .map((variable) => `${template.fileName}: ${variable.name}`),
    );
    expect(leaks).toEqual([]);
  });

  it('ships the .user examples with SECRET_ names and no values', () => {
    const examples = userExampleFileNames();
    expect(examples).toEqual(expect.arrayContaining(['.env.dev.user.example', '.env.local.user.example']));
    const problems = examples.flatMap((fileName) =>
      readEnvTemplate(fileName).variables.flatMap((variable) => [
        ...(variable.name.startsWith('SECRET_') ? [] : [`${fileName}: ${variable.name} is not SECRET_-prefixed`]),
        ...(variable.value === '' ? [] : [`${fileName}: ${variable.name} has a value`]),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('keeps the .user files out of git', () => {
    const ignored = readFileSync(projectFile('.gitignore'), 'utf8').split(/\r?\n/).map((line) => line.trim());
    expect(ignored).toContain('env/.env.*.user');
  });
});
