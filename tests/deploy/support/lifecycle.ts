import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { placeholderNames } from '../../../scripts/app-package/fill-placeholders.js';
import { readOutputs } from './bicep-reader.js';
import { projectFile } from './project-file.js';

/**
 * Variables the Agents Toolkit provides without any action of ours writing them:
 * - TEAMSFX_ENV: the environment name given to provision/deploy/publish
 *   (https://learn.microsoft.com/microsoftteams/platform/toolkit/teamsfx-multi-env).
 * - APP_NAME_SUFFIX: set to the environment name when absent; the one variable
 *   allowed to be empty.
 * - AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP_NAME: asked for when empty, in
 *   projects with an `arm/deploy` action; RESOURCE_SUFFIX: generated then
 *   (https://learn.microsoft.com/microsoftteams/platform/toolkit/provision,
 *   https://aka.ms/teamsfx-actions/arm-deploy).
 */
export const TOOLKIT_BUILT_INS: ReadonlySet<string> = new Set([
  'TEAMSFX_ENV',
  'APP_NAME_SUFFIX',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'RESOURCE_SUFFIX',
]);

const actionSchema = z.object({
  uses: z.string(),
  name: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  writeToEnvironmentFile: z.record(z.string(), z.string()).optional(),
});
export type Action = z.infer<typeof actionSchema>;

const lifecycleSchema = z.object({
  version: z.string(),
  environmentFolderPath: z.string().optional(),
  provision: z.array(actionSchema).default([]),
  deploy: z.array(actionSchema).default([]),
  publish: z.array(actionSchema).default([]),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;

export const STAGES = ['provision', 'deploy', 'publish'] as const;

export interface LifecycleFile {
  readonly fileName: string;
  readonly text: string;
  readonly lifecycle: Lifecycle;
}

export function readLifecycle(fileName: string): LifecycleFile {
  const text = readFileSync(projectFile(fileName), 'utf8');
  return { fileName, text, lifecycle: lifecycleSchema.parse(parse(text)) };
}

/** Files an action reads and expands `${{NAME}}` in, with their text. */
export function filesReadBy(action: Action): { file: string; text: string }[] {
  const read = (file: string) => ({ file, text: readFileSync(projectFile(file), 'utf8') });
  const args = action.with ?? {};
  switch (action.uses) {
    case 'aadApp/update':
      return [read(stringArg(args, 'manifestPath'))];
    case 'arm/deploy':
      return templatesOf(args)
        .map((template) => template.parameters)
        .filter((file): file is string => file !== undefined)
        .map(read);
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage': {
      const manifest = read(stringArg(args, 'manifestPath'));
      const localization = z
        .object({ localizationInfo: z.object({ additionalLanguages: z.array(z.object({ file: z.string() })) }).optional() })
        .parse(JSON.parse(manifest.text));
      const languageFiles = (localization.localizationInfo?.additionalLanguages ?? []).map((language) =>
        path.posix.join(path.posix.dirname(manifest.file), language.file),
      );
      return [manifest, ...languageFiles.map(read)];
    }
    default:
      return [];
  }
}

/** Every `${{NAME}}` an action needs: in its arguments and in the files it reads. */
export function placeholdersNeededBy(action: Action): string[] {
  const inArguments = placeholderNames(JSON.stringify(action.with ?? {}));
  const inFiles = filesReadBy(action).flatMap((file) => placeholderNames(file.text));
  return [...new Set([...inArguments, ...inFiles])];
}

/** Variables an action writes to the environment files. */
export function variablesWrittenBy(action: Action): string[] {
  const declared = Object.values(action.writeToEnvironmentFile ?? {});
  switch (action.uses) {
    case 'arm/deploy':
      // Each template output becomes a variable of the upper-cased name.
      return [
        ...declared,
        ...templatesOf(action.with ?? {}).flatMap((template) =>
          readOutputs(readFileSync(projectFile(template.path), 'utf8')).map((output) => output.name.toUpperCase()),
        ),
      ];
    case 'aadApp/update':
      // Generated on first run when the manifest uses it.
      return [...declared, 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];
    case 'teamsApp/create':
      return [...declared, 'TEAMS_APP_TENANT_ID'];
    default:
      return declared;
  }
}

export function actionsOf(lifecycle: Lifecycle): { stage: (typeof STAGES)[number]; index: number; action: Action }[] {
  return STAGES.flatMap((stage) => lifecycle[stage].map((action, index) => ({ stage, index, action })));
}

function stringArg(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== 'string') throw new Error(`missing "${name}"`);
  return value.replace(/^\.\//, '');
}

function templatesOf(args: Record<string, unknown>): { path: string; parameters?: string | undefined }[] {
  return z
    .array(z.object({ path: z.string(), parameters: z.string().optional() }))
    .parse(args['templates'])
    .map((template) => ({
      path: template.path.replace(/^\.\//, ''),
      parameters: template.parameters?.replace(/^\.\//, ''),
    }));
}
