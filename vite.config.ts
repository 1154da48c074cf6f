import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The tab is a static bundle served by the bot server at `/`.
export default defineConfig({
  root: 'src/tab',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    target: 'es2022',
    // The budget that matters is gzipped initial JS (≤ 250 KB, `npm run bench:tab`);
    // React + Fluent make one ~700 KB minified (~200 KB gzipped) entry chunk.
    chunkSizeWarningLimit: 800,
  },
});
