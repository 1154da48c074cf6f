// Checks infra/ without a Bicep compiler (none can be installed offline): the
// parameter file against the template, module calls against the modules, and
// where secrets may flow. `az bicep build --file infra/azure.bicep` is the
// full check on a machine that has Bicep.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readModuleCalls, readOutputs, readParams } from './support/bicep-reader.js';
import { projectFile } from './support/project-file.js';

const bicepFiles = ['infra/azure.bicep', ...readdirSync(projectFile('infra', 'modules')).map((name) => `infra/modules/${name}`)];
const source = (file: string) => readFileSync(projectFile(file), 'utf8');
const main = source('infra/azure.bicep');

const parametersFile = z
  .object({
    $schema: z.string(),
    contentVersion: z.string(),
    parameters: z.record(z.string(), z.object({ value: z.unknown() })),
  })
  .parse(JSON.parse(source('infra/azure.parameters.json')));

const SECRET_NAME = /secret|password|webhookUrl|connectionString|key$/i;

describe('infra/azure.bicep and infra/azure.parameters.json', () => {
  it('reads the declarations it checks (guards the regex reader)', () => {
    expect(readParams(main).map((param) => param.name)).toEqual(
      expect.arrayContaining(['resourceBaseName', 'aadAppClientSecret', 'invitationLink']),
    );
    expect(readOutputs(main).map((output) => output.name)).toEqual(
      expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID']),
    );
    expect(readModuleCalls(main).map((call) => call.symbol)).toEqual(['storage', 'webApp', 'azureBot']);
  });

  it('supplies every parameter that has no default', () => {
    const supplied = Object.keys(parametersFile.parameters);
    const required = readParams(main).filter((param) => !param.hasDefault).map((param) => param.name);
    expect(required.filter((name) => !supplied.includes(name))).toEqual([]);
  });

  it('supplies no parameter the template does not declare', () => {
    const declared = readParams(main).map((param) => param.name);
    expect(Object.keys(parametersFile.parameters).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('gives each module exactly the parameters it declares, all the required ones', () => {
    const problems = bicepFiles.flatMap((file) =>
      readModuleCalls(source(file)).flatMap((call) => {
        const moduleFile = path.posix.join(path.posix.dirname(file), call.path);
        const declared = readParams(source(moduleFile));
        return [
          ...call.params
            .filter((name) => !declared.some((param) => param.name === name))
            .map((name) => `${file} → ${moduleFile}: unknown parameter ${name}`),
          ...declared
            .filter((param) => !param.hasDefault && !call.params.includes(param.name))
            .map((param) => `${file} → ${moduleFile}: missing ${param.name}`),
        ];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('marks every secret-like parameter @secure()', () => {
    const insecure = bicepFiles.flatMap((file) =>
      readParams(source(file))
        .filter((param) => SECRET_NAME.test(param.name) && !param.decorators.includes('@secure()'))
        .map((param) => `${file}: ${param.name}`),
    );
    expect(insecure).toEqual([]);
  });

  it('takes the Entra client secret from the .user file, never as a literal', () => {
    expect(parametersFile.parameters['aadAppClientSecret']?.value).toBe('${{SECRET_AAD_APP_CLIENT_SECRET}}');
    const literalSecrets = Object.entries(parametersFile.parameters)
      .filter(([name]) => SECRET_NAME.test(name))
      .filter(([, parameter]) => typeof parameter.value !== 'string' || !/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(parameter.value));
    expect(literalSecrets).toEqual([]);
  });

  it('never outputs a secure parameter or a storage key (outputs land in the committed env file)', () => {
    const leaks = bicepFiles.flatMap((file) => {
      const text = source(file);
      const secureNames = readParams(text)
        .filter((param) => param.decorators.includes('@secure()'))
        .map((param) => param.name);
      return readOutputs(text)
        .filter((output) => /listKeys|connectionString/i.test(output.expression) || secureNames.some((name) => new RegExp(`\\b${name}\\b`).test(output.expression)))
        .map((output) => `${file}: output ${output.name}`);
    });
    expect(leaks).toEqual([]);
  });

  it('reads no storage key anywhere: the server reaches the tables with its managed identity', () => {
    expect(bicepFiles.filter((file) => /listKeys\(|AccountKey=|AZURE_STORAGE_CONNECTION_STRING/.test(source(file)))).toEqual([]);
    const webApp = source('infra/modules/web-app.bicep');
    expect(webApp).toContain('AZURE_STORAGE_ACCOUNT_URL: storageTableEndpoint');
    expect(webApp).toContain('AZURE_CLIENT_ID: identityClientId');
    const webAppCall = readModuleCalls(main).find((call) => call.symbol === 'webApp');
    expect(webAppCall?.params).toEqual(expect.arrayContaining(['identityResourceId', 'identityClientId', 'storageTableEndpoint']));
    expect(main).toContain('identityClientId: botIdentity.properties.clientId');
    expect(main).toContain('storageTableEndpoint: storage.outputs.tableEndpoint');
  });
});

describe('infra/modules', () => {
  const webApp = source('infra/modules/web-app.bicep');
  const bot = source('infra/modules/azure-bot.bicep');
  const storage = source('infra/modules/storage.bicep');

  it('runs the compiled server on Linux Node 22 LTS with the command of npm run start:prod, HTTPS only, always on', () => {
    const tsconfigBuild = z
      .object({ compilerOptions: z.object({ outDir: z.string() }) })
      .parse(JSON.parse(source('tsconfig.build.json')));
    const startProd = z
      .object({ scripts: z.object({ 'start:prod': z.string() }) })
      .parse(JSON.parse(source('package.json'))).scripts['start:prod'];
    expect(startProd).toMatch(new RegExp(`^node (--[\\w-]+(=\\S+)? )*${tsconfigBuild.compilerOptions.outDir}/bot/main\\.js$`));
    expect(webApp).toContain(`appCommandLine: '${startProd}'`);
    expect(webApp).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(webApp).toContain('httpsOnly: true');
    expect(webApp).toContain('alwaysOn: true');
    expect(webApp).toContain("ftpsState: 'Disabled'");
  });

  it('makes the managed identity the bot identity', () => {
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain('msaAppMSIResourceId: identityResourceId');
    expect(bot).toContain('msaAppTenantId: identityTenantId');
    expect(bot).toContain("endpoint: '${messagingHost}/api/messages'");
    expect(bot).toContain("name: 'MsTeamsChannel'");
    expect(main).toContain("BOT_TYPE: 'UserAssignedMSI'");
    expect(main).toContain('BOT_ID: botIdentity.properties.clientId');
  });

  it('names one Azure Bot type in infra/, teamsapp.yml and the README', () => {
    const type = /msaAppType: '(\w+)'/.exec(bot)?.[1];
    expect(type).toBe('UserAssignedMSI');
    expect(main).toContain(`BOT_TYPE: '${type}'`);
    expect(source('teamsapp.yml')).toContain(`Azure Bot type\n  # ${type}`);
    const readme = source('README.md');
    expect(readme).toContain(`Azure Bot type \`${type}\``);
    expect(readme).toContain('### The Azure Bot type');
  });

  it('keeps the storage account private and on TLS 1.2', () => {
    expect(storage).toContain("kind: 'StorageV2'");
    expect(storage).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(storage).toContain('allowBlobPublicAccess: false');
    expect(storage).toContain("'Microsoft.Storage/storageAccounts/tableServices@");
  });

  it('refuses shared keys on the storage account', () => {
    expect(storage).toMatch(/^\s*allowSharedKeyAccess: false$/m);
    expect(storage).not.toMatch(/allowSharedKeyAccess: true/);
  });

  it('gives the server identity "Storage Table Data Contributor" on the account, and nothing wider', () => {
    // Role id from "Azure built-in roles for Storage"
    // (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-table-data-contributor).
    const assignments = bicepFiles.flatMap((file) =>
      Array.from(source(file).matchAll(/^resource \w+ 'Microsoft\.Authorization\/roleAssignments@[^']+'/gm), () => file),
    );
    expect(assignments).toEqual(['infra/modules/storage.bicep']);
    expect(storage).toContain("var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(storage).toMatch(/scope: storage\n/);
    expect(storage).toContain("roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)");
    expect(storage).toContain('principalId: tableDataContributorPrincipalId');
    expect(storage).toContain("principalType: 'ServicePrincipal'");
    // The principal is the identity the web app runs as and AZURE_CLIENT_ID names.
    expect(main).toContain('tableDataContributorPrincipalId: botIdentity.properties.principalId');
  });

  it('sets only app settings the server reads, or App Service and Oryx do', () => {
    const configSource = source('bot/config.ts');
    const readByServer = new Set(Array.from(configSource.matchAll(/text\('([A-Z0-9_]+)'\)/g), (match) => match[1]));
    const platform = new Set(['WEBSITES_PORT', 'NODE_ENV', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);
    const settingNames = [main, webApp].flatMap((text) =>
      Array.from(text.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm), (match) => match[1] ?? ''),
    );
    expect(settingNames.length).toBeGreaterThan(15);
    expect(settingNames.filter((name) => !readByServer.has(name) && !platform.has(name))).toEqual([]);
  });
});
