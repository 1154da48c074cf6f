import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The sign-in window's pages (/auth/start, /auth/end) are built on their own,
 * right after the tab and into the same folder: @azure/msal-browser loads only
 * there, and sharing no chunk with the tab keeps the tab's initial JavaScript
 * exactly what it was (a shared teams-js chunk would cost it a request and
 * ~1.6 KB of gzip).
 */
function authWindowPages(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'auth-window-pages',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      root = config.root;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        base: '/',
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          rollupOptions: {
            input: {
              authStart: fileURLToPath(new URL('src/tab/auth/start.html', import.meta.url)),
              authEnd: fileURLToPath(new URL('src/tab/auth/end.html', import.meta.url)),
            },
          },
        },
      });
    },
  };
}

// The tab is a static bundle served by the bot server at `/`.
export default defineConfig({
  root: 'src/tab',
  base: '/',
  plugins: [react(), authWindowPages()],
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    target: 'es2022',
    // The budget that matters is gzipped initial JS (≤ 250 KB, `npm run bench:tab`);
    // React + Fluent make one ~700 KB minified (~200 KB gzipped) entry chunk.
    chunkSizeWarningLimit: 800,
  },
});
