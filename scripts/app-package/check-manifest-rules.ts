/**
 * Rules Teams applies to a manifest that its JSON schema does not express.
 * Each function returns one line per problem; empty when all is well.
 */

/** A host name, optionally with a `*.` wildcard and a port: no scheme, no path, lower case. */
const VALID_DOMAIN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/**
 * `validDomains` lists bare hosts. A scheme or path here usually means an env
 * value such as `BOT_DOMAIN=https://…` also broke every URL built from it.
 */
export function validDomainProblems(validDomains: readonly string[]): string[] {
  return validDomains
    .filter((domain) => !VALID_DOMAIN.test(domain))
    .map((domain) => `validDomains: "${domain}" must be a lower-case host name without scheme or path`);
}

/**
 * Files the manifest points at sit next to it at the root of the package:
 * a plain file name, never a path that could leave the app package folder.
 */
export function packageFileNameProblems(fileNames: readonly string[]): string[] {
  return fileNames
    .filter((name) => name === '' || /[/\\]/.test(name) || name === '.' || name === '..' || name === 'manifest.json')
    .map((name) => `"${name}" must be a plain file name next to manifest.json`);
}

/**
 * The `$schema` a file declares must be the one for its `manifestVersion`, or
 * editors and the Teams validator would check it against another version.
 */
export function schemaReferenceProblems(fileName: string, declared: unknown, expectedSuffix: string): string[] {
  if (declared === undefined) return [];
  return typeof declared === 'string' && declared.endsWith(expectedSuffix)
    ? []
    : [`${fileName}: $schema must end with "${expectedSuffix}"`];
}
