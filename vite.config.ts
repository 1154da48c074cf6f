import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** A page built on its own after the tab, into the tab's output folder, sharing no chunk with it. */
interface SeparatePage {
  readonly name: string;
  /** The Vite root of that build (its HTML files' folder). */
  readonly root: string;
  /** A sub-folder of the tab's output (and the URL base under `/`), or '' for the output itself. */
  readonly folder: string;
  readonly input: Readonly<Record<string, string>>;
  readonly withReact: boolean;
  /** Minified KB before Vite warns. */
  readonly chunkSizeWarningLimit: number;
}

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const separatePages: readonly SeparatePage[] = [
  /**
   * The sign-in window's pages (/auth/start, /auth/end): @azure/msal-browser
   * loads only there, and sharing no chunk with the tab keeps the tab's
   * initial JavaScript exactly what it was (a shared teams-js chunk would
   * cost it a request and ~1.6 KB of gzip).
   */
  {
    name: 'auth-window-pages',
    root: fromHere('src/tab'),
    folder: '',
    input: { authStart: fromHere('src/tab/auth/start.html'), authEnd: fromHere('src/tab/auth/end.html') },
    withReact: false,
    chunkSizeWarningLimit: 800,
  },
  /**
   * The distributor's board (/board, /board/config): its own page and
   * chunks, so the customer's tab downloads none of it and its initial
   * JavaScript does not grow (a shared build splits React and Fluent into a
   * common chunk: +5.6 KB gzip and two requests for the tab).
   */
  {
    name: 'board-page',
    root: fromHere('src/board'),
    folder: 'board',
    input: { board: fromHere('src/board/index.html') },
    withReact: true,
    // One ~870 KB minified (~240 KB gzipped) chunk: React, Fluent, teams-js, zod and the board.
    chunkSizeWarningLimit: 900,
  },
];

function separatePageBuilds(): Plugin {
  let outDir = '';
  return {
    name: 'separate-pages',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      for (const page of separatePages) {
        await build({
          configFile: false,
          root: page.root,
          base: page.folder === '' ? '/' : `/${page.folder}/`,
          logLevel: 'warn',
          plugins: page.withReact ? [react()] : [],
          build: {
            outDir: page.folder === '' ? outDir : join(outDir, page.folder),
            emptyOutDir: false,
            target: 'es2022',
            chunkSizeWarningLimit: page.chunkSizeWarningLimit,
            rollupOptions: { input: { ...page.input } },
          },
        });
      }
    },
  };
}

// The tab is a static bundle served by the bot server at `/`.
export default defineConfig({
  root: 'src/tab',
  base: '/',
  plugins: [react(), separatePageBuilds()],
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    target: 'es2022',
    // The budget that matters is gzipped initial JS (≤ 250 KB, `npm run bench:tab`);
    // React + Fluent make one ~700 KB minified (~200 KB gzipped) entry chunk.
    chunkSizeWarningLimit: 800,
  },
});
