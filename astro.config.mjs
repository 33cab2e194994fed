// @ts-check
import path from 'node:path';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { dataStoreAsJson } from './src/catalogue/data-store-module';

const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321',
  // Benchmarks build other catalogues (CONTENT_DIR) into their own folder beside dist/, with
  // their own content store and image cache so they never disturb the default build's.
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  cacheDir,
  trailingSlash: 'always',
  // Static HTML by default; routes that must run per request opt out with `prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), dataStoreAsJson()],
  security: {
    checkOrigin: true,
    // Without trusted names Astro ignores the Host header and sees every on-demand request as
    // http://localhost, so checkOrigin refused same-origin form posts (403). Trust the site's
    // own host and local addresses (any port); other Host headers are still ignored.
    allowedDomains: [
      { hostname: new URL(process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321').hostname },
      { hostname: 'localhost' },
      { hostname: '127.0.0.1' },
    ],
  },
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  build: {
    inlineStylesheets: 'auto',
    format: 'directory',
    // Astro awaits each page's folder and file write before rendering the next: one at a time,
    // the thread idled through a quarter to half of the page phase (CPU profile). With four in
    // flight the warm default build rendered its 20,085 pages in 34–44 s instead of 56–64 s.
    concurrency: 4,
  },
  image: {
    // Astro only reads remote images from allowed hosts: none.
    domains: [],
    // Sharp with the photo encoders' effort chosen, and encodes started while pages render.
    // Processed images are cached under cacheDir between builds (kept out of git).
    service: {
      entrypoint: './src/ui/image-service.ts',
      config: { assetsCacheDir: path.resolve(cacheDir, 'assets') },
    },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    ssr: { external: ['@electric-sql/pglite', 'sharp'] },
  },
});
