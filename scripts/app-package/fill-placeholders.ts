/** Environment values keyed by variable name, as `process.env` or a parsed `.env` file. */
export type PlaceholderEnv = Readonly<Record<string, string | undefined>>;

/** `${{NAME}}`, the Teams Toolkit placeholder syntax. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class MissingPlaceholdersError extends Error {
  override readonly name = 'MissingPlaceholdersError';
  constructor(readonly missing: readonly string[]) {
    super(`missing environment variables: ${missing.join(', ')}`);
  }
}

/** The distinct placeholder names in `text`, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/**
 * Names used in `text` that `env` does not provide. A blank value counts as
 * missing: env templates ship keys with empty values that provisioning fills
 * in later, and an empty id or name would only fail later, less clearly.
 */
export function missingPlaceholders(text: string, env: PlaceholderEnv): string[] {
  return placeholderNames(text).filter((name) => !hasValue(env[name]));
}

/**
 * Replaces every `${{NAME}}` in `text` with `env.NAME`.
 * @throws MissingPlaceholdersError naming every variable that has no value.
 */
export function fillPlaceholders(text: string, env: PlaceholderEnv): string {
  const missing = missingPlaceholders(text, env);
  if (missing.length > 0) throw new MissingPlaceholdersError(missing);
  return text.replace(PLACEHOLDER, (_match, name: string) => env[name] ?? '');
}

/**
 * Parses a JSON template and fills the placeholders inside its string values
 * (keys are left alone). Filling after parsing means a value with a quote or
 * a backslash can neither break the JSON nor inject properties.
 * @throws MissingPlaceholdersError naming every variable that has no value.
 */
export function fillPlaceholdersInJson(jsonText: string, env: PlaceholderEnv): unknown {
  const missing = missingPlaceholders(jsonText, env);
  if (missing.length > 0) throw new MissingPlaceholdersError(missing);
  return JSON.parse(jsonText, (_key, value: unknown) =>
    typeof value === 'string' ? fillPlaceholders(value, env) : value,
  );
}

function hasValue(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
