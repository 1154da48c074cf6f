import { describe, expect, it } from 'vitest';
import { environmentTemplates, lifecycleFileFor } from './support/env-template.js';
import type { EnvTemplate } from './support/env-template.js';
import { z } from 'zod';
import {
  STAGES,
  TOOLKIT_BUILT_INS,
  actionsOf,
  filesReadBy,
  placeholdersNeededBy,
  readLifecycle,
  variablesWrittenBy,
} from './support/lifecycle.js';
import type { Action, LifecycleFile } from './support/lifecycle.js';

const LIFECYCLE_FILES = ['teamsapp.yml', 'teamsapp.local.yml'].map(readLifecycle);

const entraManifestSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    identifierUris: z.array(z.string()).optional(),
    api: z.object({ requestedAccessTokenVersion: z.number().optional() }).loose().optional(),
  })
  .loose();

/** The Entra manifest an aadApp/update action applies. */
function entraManifestOf(action: Action): z.infer<typeof entraManifestSchema> {
  const [file] = filesReadBy(action);
  if (!file) throw new Error('aadApp/update without a manifest');
  return entraManifestSchema.parse(JSON.parse(file.text));
}
const TEMPLATES = environmentTemplates();

/**
 * What a run of `lifecycle` against `template` lacks: every `${{NAME}}` an
 * action needs must come from a Toolkit built-in, the template (a value, or a
 * variable the operator fills in, tagged [you]), or an earlier action.
 */
function unresolvedPlaceholders(file: LifecycleFile, template: EnvTemplate): string[] {
  const available = new Set<string>(TOOLKIT_BUILT_INS);
  for (const variable of template.variables) {
    if (variable.value !== '' || variable.source === 'you') available.add(variable.name);
  }
  const problems: string[] = [];
  for (const { stage, index, action } of actionsOf(file.lifecycle)) {
    const written = variablesWrittenBy(action);
    for (const name of placeholdersNeededBy(action)) {
      // aadApp/update generates the scope id it then uses.
      const selfMade = action.uses === 'aadApp/update' && written.includes(name);
      if (!available.has(name) && !selfMade) problems.push(`${stage}[${index}] ${action.uses} needs ${name}`);
    }
    for (const name of written) available.add(name);
  }
  return problems;
}

describe('Agents Toolkit lifecycle files', () => {
  it('has an environment template for each lifecycle file', () => {
    const envNames = TEMPLATES.map((template) => template.envName);
    expect(envNames).toContain('dev');
    expect(envNames).toContain('local');
  });

  it.each(LIFECYCLE_FILES.map((file) => [file.fileName, file] as const))(
    '%s declares the schema version its yaml-language-server line points to',
    (_name, file) => {
      const schemaLine = /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v1\.\d+)\/yaml\.schema\.json$/m.exec(
        file.text,
      );
      expect(schemaLine?.[1]).toBe(file.lifecycle.version);
      expect(file.lifecycle.environmentFolderPath).toBe('./env');
    },
  );

  it.each(TEMPLATES.map((template) => [template.fileName, template] as const))(
    'every ${{NAME}} that %s meets is set before the action that uses it',
    (_name, template) => {
      const file = LIFECYCLE_FILES.find((candidate) => candidate.fileName === lifecycleFileFor(template.envName));
      expect(file).toBeDefined();
      if (file) expect(unresolvedPlaceholders(file, template)).toEqual([]);
    },
  );

  it('catches an action moved before the one that writes what it needs', () => {
    const [remote] = LIFECYCLE_FILES;
    const dev = TEMPLATES.find((template) => template.envName === 'dev');
    if (!remote || !dev) throw new Error('teamsapp.yml or env/.env.dev missing');
    const provision = [...remote.lifecycle.provision];
    // The update that applies aad.manifest.json (the identifier URIs need the web app's domain and the bot id).
    const update = provision.findIndex((action) => action.uses === 'aadApp/update' && action.with?.['manifestPath'] === './aad.manifest.json');
    const [aadUpdate] = provision.splice(update, 1);
    if (!aadUpdate) throw new Error('no aadApp/update in provision');
    provision.unshift(aadUpdate); // before arm/deploy has written BOT_DOMAIN and BOT_ID
    const reordered = { ...remote, lifecycle: { ...remote.lifecycle, provision } };
    expect(unresolvedPlaceholders(reordered, dev)).toEqual(
      expect.arrayContaining([expect.stringContaining('needs BOT_DOMAIN'), expect.stringContaining('needs BOT_ID')]),
    );
  });

  it('gives every environment variable a comment that says who sets it', () => {
    const undocumented = TEMPLATES.flatMap((template) =>
      template.variables
        .filter((variable) => variable.source === undefined || !variable.commented)
        .map((variable) => `${template.fileName}: ${variable.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('leaves [provision] variables empty and has an action that writes each', () => {
    const problems = TEMPLATES.flatMap((template) => {
      const file = LIFECYCLE_FILES.find((candidate) => candidate.fileName === lifecycleFileFor(template.envName));
      const written = new Set(actionsOf(file?.lifecycle ?? { version: '', provision: [], deploy: [], publish: [] }).flatMap(
        ({ action }) => variablesWrittenBy(action),
      ));
      return template.variables
        .filter((variable) => variable.source === 'provision')
        .flatMap((variable) => [
          ...(variable.value === '' ? [] : [`${template.fileName}: ${variable.name} has a value`]),
          ...(written.has(variable.name) ? [] : [`${template.fileName}: nothing writes ${variable.name}`]),
        ]);
    });
    expect(problems).toEqual([]);
  });

  it('tags as [toolkit] only real Toolkit built-ins', () => {
    const wrong = TEMPLATES.flatMap((template) =>
      template.variables
        .filter((variable) => variable.source === 'toolkit' && !TOOLKIT_BUILT_INS.has(variable.name))
        .map((variable) => `${template.fileName}: ${variable.name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has values for the operator-set variables the Azure lifecycle uses (the Toolkit refuses empty ones)', () => {
    const [remote] = LIFECYCLE_FILES;
    const used = new Set(actionsOf(remote?.lifecycle ?? { version: '', provision: [], deploy: [], publish: [] }).flatMap(
      ({ action }) => placeholdersNeededBy(action),
    ));
    const empty = TEMPLATES.filter((template) => lifecycleFileFor(template.envName) === 'teamsapp.yml').flatMap((template) =>
      template.variables
        .filter((variable) => variable.source === 'you' && variable.value === '' && used.has(variable.name))
        .filter((variable) => variable.name !== 'APP_NAME_SUFFIX')
        .map((variable) => `${template.fileName}: ${variable.name}`),
    );
    expect(empty).toEqual([]);
  });

  it('runs the stages in order and builds before deploying', () => {
    const [remote] = LIFECYCLE_FILES;
    if (!remote) throw new Error('teamsapp.yml missing');
    expect(STAGES.every((stage) => remote.lifecycle[stage].length > 0)).toBe(true);
    expect(remote.lifecycle.provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(remote.lifecycle.deploy.map((action) => action.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(remote.lifecycle.deploy[1]?.with?.['args']).toBe('run build');
    expect(remote.lifecycle.deploy[2]?.with?.['ignoreFile']).toBe('.webappignore');
    expect(remote.lifecycle.publish.at(-1)?.uses).toBe('teamsApp/publishAppPackage');
  });

  it('creates the Entra app multi-tenant, with a secret that lands in the .user file', () => {
    for (const file of LIFECYCLE_FILES) {
      const create = file.lifecycle.provision.find(
        (action) => action.uses === 'aadApp/create' && action.writeToEnvironmentFile?.['clientId'] === 'AAD_APP_CLIENT_ID',
      );
      expect(create?.with).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', generateClientSecret: true });
      expect(create?.writeToEnvironmentFile?.['clientSecret']).toMatch(/^SECRET_/);
    }
  });

  it('gives the local bot a multi-tenant Entra app (users of every tenant reach it) and hands the server its settings in .localConfigs', () => {
    // "Agent tenancy": the bot app's signInAudience decides which tenants may use the bot
    // (https://learn.microsoft.com/microsoftteams/platform/agents-in-teams/agent-tenancy).
    const local = LIFECYCLE_FILES.find((file) => file.fileName === 'teamsapp.local.yml');
    const botApp = local?.lifecycle.provision.find(
      (action) => action.uses === 'aadApp/create' && action.writeToEnvironmentFile?.['clientId'] === 'BOT_ID',
    );
    expect(botApp?.with).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', generateServicePrincipal: true });
    const settings = local?.lifecycle.deploy.find((action) => action.uses === 'file/createOrUpdateEnvironmentFile');
    expect(settings?.with?.['target']).toBe('./.localConfigs');
    expect(settings?.with?.['envs']).toMatchObject({
      BOT_TYPE: 'SingleTenant',
      BOT_ID: '${{BOT_ID}}',
      BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      AAD_APP_CLIENT_SECRET: '${{SECRET_AAD_APP_CLIENT_SECRET}}',
      DISTRIBUTOR_TENANT_ID: '${{TEAMS_APP_TENANT_ID}}',
    });
  });

  it.each(LIFECYCLE_FILES.map((file) => [file.fileName, file] as const))(
    '%s makes the Entra app issue v2 tokens in a PATCH before the one that adds the identifier URIs',
    (_name, file) => {
      // Entra checks a new identifier URI against the app's current token version; a v1 app
      // may not get api://<domain>/botid-<id> ("Restrictions on identifier URIs of Microsoft
      // Entra applications", https://learn.microsoft.com/entra/identity-platform/identifier-uri-restrictions).
      const updates = file.lifecycle.provision
        .filter((action) => action.uses === 'aadApp/update')
        .map((action) => entraManifestOf(action));
      const firstWithUris = updates.findIndex((manifest) => manifest.identifierUris !== undefined);
      const firstV2 = updates.findIndex((manifest) => manifest.api?.requestedAccessTokenVersion === 2);
      expect(firstV2).toBeGreaterThanOrEqual(0);
      expect(firstWithUris).toBeGreaterThan(firstV2);
      expect(updates[firstV2]?.identifierUris).toBeUndefined();
      // Both PATCH the same app.
      expect(new Set(updates.map((manifest) => `${manifest.id} ${manifest.appId}`)).size).toBe(1);
    },
  );
});
