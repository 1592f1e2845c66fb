import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

// `root` is this folder whether started as `vite build apps/web` or from inside apps/web,
// so `dist` always lands in apps/web/dist, where the server serves it from.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The lazily loaded chart chunk (tree-shaken ECharts) is ~520 kB; everything else is far below.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // A feature's index.ts only re-exports (features import each other through it). Without side
      // effects, a page that imports one small hook from another feature loads only that hook's
      // module, not a chunk with everything that index re-exports.
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/features\/[^/]+\/index\.ts$/.test(id) },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
