import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and builds to web/dist, which the server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // the ECharts chunk (~550 kB, 186 kB gzip) loads lazily with the dashboard's charts
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  preview: { proxy: { '/api': 'http://localhost:3000' } },
});
