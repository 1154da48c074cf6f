import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real Vite build of the tab (and the sign-in pages) in a temporary folder, for browser tests. */
export interface BuiltTab {
  readonly path: string;
  remove(): Promise<void>;
}

export async function buildTab(prefix: string): Promise<BuiltTab> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  await build({
    configFile: join(PROJECT_ROOT, 'vite.config.ts'),
    root: join(PROJECT_ROOT, 'src', 'tab'),
    logLevel: 'error',
    build: { outDir: path, emptyOutDir: true },
  });
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
