import JSZip from 'jszip';
import { z } from 'zod';
import { unmatchedLocalizationKeys } from './check-localization-keys.js';
import { iconProblems } from './check-icons.js';
import { packageFileNameProblems, schemaReferenceProblems, validDomainProblems } from './check-manifest-rules.js';
import { fillPlaceholdersInJson, missingPlaceholders, MissingPlaceholdersError } from './fill-placeholders.js';
import type { PlaceholderEnv } from './fill-placeholders.js';
import { validateWithBundledSchema } from './validate-with-bundled-schema.js';

export interface AppPackageSources {
  /** `manifest.json` as written, with `${{NAME}}` placeholders. */
  readonly manifestTemplate: string;
  /** Reads a file that sits next to `manifest.json`, by its plain name; rejects when it does not exist. */
  readonly readFile: (fileName: string) => Promise<Uint8Array>;
}

export interface AppPackage {
  /** The zip to upload to Teams. */
  readonly zip: Uint8Array;
  /** Its entries, `manifest.json` first. */
  readonly fileNames: readonly string[];
}

export class InvalidAppPackageError extends Error {
  override readonly name = 'InvalidAppPackageError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid app package:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const MANIFEST = 'manifest.json';

/** The parts of a manifest that name the other files of the package. */
const manifestFiles = z.object({
  manifestVersion: z.string(),
  icons: z.object({
    color: z.string(),
    outline: z.string(),
    color32x32: z.string().optional(),
  }),
  localizationInfo: z
    .object({
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ file: z.string() })).optional(),
    })
    .optional(),
});
type ManifestFiles = z.infer<typeof manifestFiles>;

const filledManifestRules = z.object({
  $schema: z.unknown(),
  validDomains: z.array(z.string()).optional(),
});

/** Same inputs, same bytes: zip entries carry this date instead of the build time. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Builds the Teams app package: fills the `${{NAME}}` placeholders of the
 * manifest and its localization files from `env`, validates them offline
 * against the schemas bundled in `@microsoft/app-manifest`, checks the icons,
 * and zips `manifest.json` with exactly the files it references.
 * @throws MissingPlaceholdersError naming every variable that has no value.
 * @throws InvalidAppPackageError listing every problem found.
 */
export async function buildAppPackage(sources: AppPackageSources, env: PlaceholderEnv): Promise<AppPackage> {
  const files = referencedFiles(parseJson(MANIFEST, sources.manifestTemplate));
  const localizationFiles = localizationFileNames(files);
  const otherFiles = [...new Set([files.icons.color, files.icons.outline, files.icons.color32x32, ...localizationFiles])]
    .filter((name): name is string => name !== undefined);
  failIfAny(packageFileNameProblems(otherFiles));

  const contents = await readAll(sources, otherFiles);
  const localizationTemplates = new Map(localizationFiles.map((name) => [name, utf8(contents.get(name))]));

  const missing = [sources.manifestTemplate, ...localizationTemplates.values()].flatMap((text) =>
    missingPlaceholders(text, env),
  );
  if (missing.length > 0) throw new MissingPlaceholdersError([...new Set(missing)]);

  const manifest = fillPlaceholdersInJson(sources.manifestTemplate, env);
  const problems = manifestProblems(manifest, files.manifestVersion);
  const localizations = new Map<string, unknown>();
  for (const [name, template] of localizationTemplates) {
    const localization = parseFilledJson(name, template, env, problems);
    if (localization === undefined) continue;
    localizations.set(name, localization);
    problems.push(...localizationProblems(name, localization, manifest, files.manifestVersion));
  }
  problems.push(
    ...iconProblems(
      { color: contents.get(files.icons.color) ?? new Uint8Array(), outline: contents.get(files.icons.outline) ?? new Uint8Array() },
      files.icons,
    ),
  );
  failIfAny(problems);

  const zip = new JSZip();
  zip.file(MANIFEST, json(manifest), { date: ENTRY_DATE });
  for (const name of otherFiles) {
    const localization = localizations.get(name);
    zip.file(name, localization === undefined ? (contents.get(name) ?? new Uint8Array()) : json(localization), {
      date: ENTRY_DATE,
    });
  }
  return {
    zip: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    fileNames: [MANIFEST, ...otherFiles],
  };
}

function referencedFiles(template: unknown): ManifestFiles {
  const parsed = manifestFiles.safeParse(template);
  if (!parsed.success) {
    throw new InvalidAppPackageError(
      parsed.error.issues.map((issue) => `${MANIFEST}: ${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

function localizationFileNames(files: ManifestFiles): string[] {
  const info = files.localizationInfo;
  return [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((language) => language.file)].filter(
    (name): name is string => name !== undefined,
  );
}

async function readAll(sources: AppPackageSources, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const problems: string[] = [];
  const contents = new Map<string, Uint8Array>();
  for (const name of names) {
    try {
      contents.set(name, await sources.readFile(name));
    } catch {
      problems.push(`${name}: referenced by ${MANIFEST} but cannot be read`);
    }
  }
  failIfAny(problems);
  return contents;
}

function manifestProblems(manifest: unknown, manifestVersion: string): string[] {
  const problems = schemaProblems(MANIFEST, 'manifest', manifestVersion, manifest);
  const rules = filledManifestRules.safeParse(manifest);
  if (rules.success) {
    problems.push(
      ...schemaReferenceProblems(MANIFEST, rules.data.$schema, `/v${manifestVersion}/MicrosoftTeams.schema.json`),
      ...validDomainProblems(rules.data.validDomains ?? []).map((problem) => `${MANIFEST}: ${problem}`),
    );
  }
  return problems;
}

function localizationProblems(name: string, localization: unknown, manifest: unknown, manifestVersion: string): string[] {
  const problems = schemaProblems(name, 'localization', manifestVersion, localization);
  if (typeof localization === 'object' && localization !== null && !Array.isArray(localization)) {
    const record = localization as Record<string, unknown>;
    problems.push(
      ...schemaReferenceProblems(name, record['$schema'], `/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`),
      ...unmatchedLocalizationKeys(manifest, record).map((key) => `${name}: "${key}" matches no text in ${MANIFEST}`),
    );
  }
  return problems;
}

function schemaProblems(
  fileName: string,
  kind: 'manifest' | 'localization',
  manifestVersion: string,
  document: unknown,
): string[] {
  try {
    return validateWithBundledSchema(kind, manifestVersion, document).map((problem) => `${fileName}: ${problem}`);
  } catch (error) {
    return [`${fileName}: cannot be validated: ${error instanceof Error ? error.message : String(error)}`];
  }
}

function parseJson(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidAppPackageError([`${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
}

/** Fills a localization file, recording a syntax error as a problem rather than stopping the build. */
function parseFilledJson(fileName: string, template: string, env: PlaceholderEnv, problems: string[]): unknown {
  try {
    return fillPlaceholdersInJson(template, env);
  } catch (error) {
    if (error instanceof MissingPlaceholdersError) throw error;
    problems.push(`${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

function failIfAny(problems: readonly string[]): void {
  if (problems.length > 0) throw new InvalidAppPackageError(problems);
}

function utf8(bytes: Uint8Array | undefined): string {
  // A BOM would make JSON.parse fail; editors on Windows like to add one.
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes ?? new Uint8Array());
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
