const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID in its usual 8-4-4-4-12 hex form (any case, no braces), as Entra tenant ids are written. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
