/** Builds the web app into dist/web and proxies the API to a local server during development. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm start` listens on 3000; KEHU_API_URL points the dev server at another instance.
const apiServer = process.env.KEHU_API_URL ?? 'http://localhost:3000';
const proxied = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz'];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // One chunk per heavy library keeps the first load cacheable across app releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiServer, changeOrigin: false }])),
  },
});
