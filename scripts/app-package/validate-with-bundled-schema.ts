import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';

/**
 * Validates Teams app manifests and their localization files against the
 * JSON schemas bundled in `@microsoft/app-manifest`, never fetching anything:
 * the library's own `AppManifestUtils.validateAgainstSchema` downloads the
 * `$schema` URL when it has no local copy, and cannot compile the bundled
 * localization schemas (one of their patterns is invalid under the `u` regex
 * flag). So this runs the library's Ajv draft-04 set-up with unicode regexes off.
 */

// CommonJS packages: under NodeNext the default import is `module.exports`.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Manifest versions as the bundle names its folders: `1.30`, `1.9`. */
const MANIFEST_VERSION = /^1\.\d{1,2}$/;

const compiled = new Map<string, ValidateFunction>();

/** Where the bundled schema of that kind and manifest version would be. */
export function bundledSchemaPath(kind: SchemaKind, manifestVersion: string): string {
  if (!MANIFEST_VERSION.test(manifestVersion)) {
    throw new Error(`unsupported manifestVersion "${manifestVersion}"`);
  }
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams', `v${manifestVersion}`, SCHEMA_FILES[kind]);
}

/** The public URL of the same schema, as a `$schema` property names it. */
export function schemaUrl(kind: SchemaKind, manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/${SCHEMA_FILES[kind]}`;
}

/**
 * Validates `document` against the bundled schema of that kind for
 * `manifestVersion`. Returns one readable line per problem; empty when valid.
 */
export function validateWithBundledSchema(kind: SchemaKind, manifestVersion: string, document: unknown): string[] {
  const validate = compiledSchema(bundledSchemaPath(kind, manifestVersion));
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describeError);
}

function compiledSchema(schemaPath: string): ValidateFunction {
  const cached = compiled.get(schemaPath);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(schemaPath, 'utf8');
  } catch {
    throw new Error(`no bundled schema at ${schemaPath}`);
  }
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(text) as object);
  compiled.set(schemaPath, validate);
  return validate;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    typeof params['additionalProperty'] === 'string'
      ? `: "${params['additionalProperty']}"`
      : Array.isArray(params['allowedValues'])
        ? `: ${JSON.stringify(params['allowedValues'])}`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
