import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const API = process.env.LAYANAN_API ?? 'http://127.0.0.1:1337';

/** In development, /dashboard/* is the staff app as in production (the server does the same rewrite). */
function staffAppRoutes(): Plugin {
  return {
    name: 'layanan-staff-app-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/dashboard(\/|$|\?)/.test(req.url) && !path.extname(req.url.split('?')[0])) req.url = '/dashboard.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), staffAppRoutes()],
  resolve: {
    // The shared SOP definitions are compiled from source, as ES modules, into the bundle.
    alias: { '@layanan/config': path.resolve(__dirname, '../config/src/index.ts') },
  },
  server: { port: 1495, proxy: { '/api': API } },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { site: path.resolve(__dirname, 'index.html'), staff: path.resolve(__dirname, 'dashboard.html') },
    },
  },
});
