import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.options.js';

const apiOrigin = process.env.MOTESPLATS_API_ORIGIN ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions), sveltekit({ adapter: adapter() })],
  server: {
    proxy: {
      '/api': { target: apiOrigin, changeOrigin: true },
      '/feeds': { target: apiOrigin, changeOrigin: true },
      '/media': { target: apiOrigin, changeOrigin: true },
    },
  },
});
