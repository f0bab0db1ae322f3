import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app: built to apps/web/dist and served by the platform server at `/`.
// In development, /api is proxied to a server started with `jixiao serve --demo`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.JIXIAO_API ?? 'http://127.0.0.1:3000' },
  },
});
