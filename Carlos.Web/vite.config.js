import { defineConfig } from 'vite';

// The page is served by the gateway from its output folder `web/`; `npm run dev` proxies the API to a local gateway.
export default defineConfig({
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Mermaid and its diagram types are large; they load only when a design with a diagram is shown.
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/v1': 'http://localhost:5080' } },
});
