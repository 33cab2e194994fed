// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';

export default defineConfig({
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321',
  // Benchmarks build other catalogues (CONTENT_DIR) into their own folder beside dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // Static HTML by default; routes that must run per request opt out with `prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  security: { checkOrigin: true },
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  build: { inlineStylesheets: 'auto', format: 'directory' },
  image: {
    // Processed images are cached here between builds (kept out of git).
    // Astro only reads remote images from allowed hosts: none.
    domains: [],
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    ssr: { external: ['@electric-sql/pglite', 'sharp'] },
  },
});
