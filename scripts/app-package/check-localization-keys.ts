/** Keys of a localization file that are not manifest paths. */
const NON_PATH_KEYS = new Set(['$schema', 'localizationKeys']);

const SEGMENT = /^([^[\]]+)((?:\[\d+\])*)$/;

/**
 * Keys of a localization file (`"staticTabs[0].name"`, `"name.short"`) that do
 * not point at a string in the manifest. The localization schema only checks
 * the key's shape, so a key left behind after a tab or a command moved would
 * otherwise translate nothing, silently.
 */
export function unmatchedLocalizationKeys(manifest: unknown, localization: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(localization).filter(
    (key) => !NON_PATH_KEYS.has(key) && typeof valueAtPath(manifest, key) !== 'string',
  );
}

function valueAtPath(root: unknown, key: string): unknown {
  let node = root;
  for (const segment of key.split('.')) {
    const match = SEGMENT.exec(segment);
    if (!match) return undefined;
    const [, property = '', indexes = ''] = match;
    node = childOf(node, property);
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) {
      node = childOf(node, Number(index[1]));
    }
  }
  return node;
}

function childOf(node: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(node) ? (node[key] as unknown) : undefined;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}
