import { fileURLToPath } from 'node:url';

/** Absolute path of a file of this repository, from path segments relative to its root. */
export function projectFile(...segments: string[]): string {
  return fileURLToPath(new URL(`../../../${segments.join('/')}`, import.meta.url));
}
