import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** The package a bundled module comes from ("app" for our own sources, "@layanan/config" for the shared rules). */
function packageOf(id: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (match) return match[1];
  return id.includes(`${path.sep}config${path.sep}src${path.sep}`) ? '@layanan/config' : 'app';
}

/**
 * dist/bundle-report.json: per chunk its size, the chunks it imports, and which packages fill it (their rendered
 * bytes). `npm run bench:board` prints it beside the initial-JavaScript figure.
 */
function bundleReport(file: string): Plugin {
  return {
    name: 'layanan-bundle-report',
    apply: 'build',
    generateBundle(options, bundle) {
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => {
          const packages: Record<string, number> = {};
          for (const [id, module] of Object.entries(chunk.modules)) packages[packageOf(id)] = (packages[packageOf(id)] ?? 0) + module.renderedLength;
          return {
            file: chunk.fileName,
            entry: chunk.isEntry ? chunk.name : null,
            raw: Buffer.byteLength(chunk.code),
            gzip: gzipSync(chunk.code, { level: 9 }).length,
            imports: chunk.imports,
            packages: Object.entries(packages)
              .sort((a, b) => b[1] - a[1])
              .map(([name, bytes]) => ({ name, bytes })),
          };
        });
      writeFileSync(path.join(options.dir ?? 'dist', file), JSON.stringify({ chunks }, null, 2));
    },
  };
}

/** The shared SOP definitions are compiled from source, as ES modules, into the bundle. */
const CONFIG = { '@layanan/config': path.resolve(__dirname, '../config/src/index.ts') };

/**
 * The public site runs on Preact's React-compatible runtime (about 4 KB instead of React DOM's 40): a citizen on
 * a cheap phone and a slow line waits for every kilobyte, and the site uses nothing Preact lacks. In development
 * and in the component tests it runs on React, like the staff app.
 */
const PREACT = {
  'react-dom/test-utils': 'preact/test-utils',
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  react: 'preact/compat',
};

/**
 * Two builds into one dist: the staff app (`vite build`, dist/dashboard.html, emptied first) and the public site
 * (`vite build --mode site`, dist/index.html), so that the two share no chunk. scripts/build-dashboard.mjs runs both.
 */
export default defineConfig(({ command, mode }) => {
  const site = mode === 'site';
  return {
    plugins: [react(), staffAppRoutes(), bundleReport(site ? 'bundle-report.site.json' : 'bundle-report.json')],
    resolve: { alias: site && command === 'build' ? { ...CONFIG, ...PREACT } : CONFIG },
    server: { port: 1495, proxy: { '/api': API } },
    build: {
      target: 'es2020',
      chunkSizeWarningLimit: 1500,
      emptyOutDir: !site,
      rollupOptions: {
        onwarn(warning, warn) {
          // react-admin re-exports FieldTitle through an index that is itself not bundled: FieldTitle sits in the
          // first chunk and the lazy pages import it from there, so the first chunk never imports a lazy one.
          if (warning.code === 'CYCLIC_CROSS_CHUNK_REEXPORT' && warning.exporter?.includes('ra-core')) return;
          warn(warning);
        },
        input: site ? { site: path.resolve(__dirname, 'index.html') } : { staff: path.resolve(__dirname, 'dashboard.html') },
      },
    },
  };
});
