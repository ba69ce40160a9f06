import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { FIRST_REQUESTS, FIRST_RESPONSES } from './src/layout/firstRequests';
import { JWT_KEY, PROFILE_KEY } from './src/providers/sessionKeys';

const API = process.env.LAYANAN_API ?? 'http://127.0.0.1:1337';

/**
 * In development, /dashboard/* is the staff app as in production (the server does the same rewrite), and
 * /dashboard/antrean the Bidang's quick queue (src/queue/quick), which opens the staff app for everyone else.
 */
function staffAppRoutes(): Plugin {
  return {
    name: 'layanan-staff-app-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const urlPath = req.url?.split('?')[0] ?? '';
        if (/^\/dashboard\/antrean\/?$/.test(urlPath)) req.url = '/queue.html';
        else if (req.url && /^\/dashboard(\/|$|\?)/.test(req.url) && !path.extname(urlPath)) req.url = '/dashboard.html';
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

/**
 * Each role's first screen (layout/homeScreens.ts), by the module its chunk is built from; "signedOut" is the
 * sign-in page, for a browser that has no one signed in.
 */
const HOME_SCREENS: Record<string, string> = {
  officer: '/src/board/Board.tsx',
  division_staff: '/src/queue/DivisionQueue.tsx',
  leadership: '/src/recap/RecapPage.tsx',
  signedOut: '/src/layout/LoginPage.tsx',
};

/**
 * The staff app's page names a small script, fetched beside the app's own, that asks the browser to fetch the
 * signed-in role's first screen (its chunk and the chunks that one imports) at once: otherwise they are asked for
 * only once the app's first script has arrived and run, a round trip later on a slow line. It is a file of its
 * own, not inline, because the server's Content-Security-Policy refuses inline scripts.
 */
function homeScreenPreload(): Plugin {
  const scripts: { fileName: string; source: string }[] = [];
  let outDir = 'dist';
  return {
    name: 'layanan-home-screen-preload',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, filename }) {
        if (!bundle) return undefined;
        // The Bidang's quick queue (queue.html) is the page's own script: it preloads no screen of the staff app.
        const quick = path.basename(filename) === 'queue.html';
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        // What this page loads by itself: its own entry and the chunks that one imports (the other page's are not).
        const entry = new Set<string>();
        const loads = (fileName: string) => {
          if (entry.has(fileName)) return;
          entry.add(fileName);
          chunks.find((chunk) => chunk.fileName === fileName)?.imports.forEach(loads);
        };
        chunks.filter((chunk) => chunk.isEntry && chunk.name === (quick ? 'queue' : 'staff')).forEach((chunk) => loads(chunk.fileName));
        const filesOf = (fileName: string, seen = new Set<string>()): string[] => {
          if (seen.has(fileName) || entry.has(fileName)) return [];
          seen.add(fileName);
          const chunk = chunks.find((item) => item.fileName === fileName);
          const css = [...(chunk?.viteMetadata?.importedCss ?? [])];
          return [fileName, ...css, ...(chunk?.imports ?? []).flatMap((imported) => filesOf(imported, seen))];
        };
        const byRole = quick ? {} : Object.fromEntries(
          Object.entries(HOME_SCREENS).map(([role, module]) => [role, filesOf(chunks.find((chunk) => chunk.facadeModuleId?.endsWith(module))?.fileName ?? '')]),
        );
        // A stylesheet is linked at once (Vite's loader then finds it there instead of fetching it when the chunk
        // is imported, and holding the screen until it has arrived); a script is only fetched, to run when imported.
        // The first screen's API request goes out with the signed-in person's token (layout/firstRequests.ts).
        const source =
          `(function(){try{var p=JSON.parse(localStorage.getItem(${JSON.stringify(PROFILE_KEY)})||'null');` +
          `(${JSON.stringify(byRole)}[p?p.role:'signedOut']||[]).forEach(function(f){var l=document.createElement('link');` +
          `var css=/\\.css$/.test(f);l.rel=css?'stylesheet':'modulepreload';l.crossOrigin='';l.href='/'+f;document.head.appendChild(l);});` +
          `var t=localStorage.getItem(${JSON.stringify(JWT_KEY)}),r=${JSON.stringify(FIRST_REQUESTS)}[p&&p.role];if(t&&r){var s=window[${JSON.stringify(FIRST_RESPONSES)}]={};` +
          `r.forEach(function(u){s[u]=fetch(u,{headers:{Accept:'application/json',Authorization:'Bearer '+t}});});}}catch(e){}})();`;
        const script = { fileName: `assets/home-preload-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`, source };
        scripts.push(script);
        return [{ tag: 'script', attrs: { src: `/${script.fileName}`, async: true }, injectTo: 'head-prepend' }];
      },
    },
    writeBundle() {
      mkdirSync(path.join(outDir, 'assets'), { recursive: true });
      for (const script of scripts) writeFileSync(path.join(outDir, script.fileName), script.source);
    },
  };
}

/** The shared SOP definitions are compiled from source, as ES modules, into the bundle. */
const CONFIG = { '@layanan/config': path.resolve(__dirname, '../config/src/index.ts') };

/**
 * The staff app only writes query strings: ra-strapi's `qs` (a parser and a dozen polyfill packages, a tenth of
 * the app's first script) is replaced by the writer the app's own code uses.
 */
const QUERY_STRING = { qs: path.resolve(__dirname, 'src/providers/queryString.ts') };

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
 * Two builds into one dist: the staff app (`vite build`, dist/dashboard.html, emptied first, with dist/queue.html:
 * the Bidang's quick queue, src/queue/quick, whose few kilobytes of Preact open before the staff app) and the public site
 * (`vite build --mode site`, dist/index.html), so that the two share no chunk. scripts/build-dashboard.mjs runs both.
 */
export default defineConfig(({ command, mode }) => {
  const site = mode === 'site';
  return {
    plugins: [react(), staffAppRoutes(), bundleReport(site ? 'bundle-report.site.json' : 'bundle-report.json'), ...(site ? [] : [homeScreenPreload()])],
    resolve: { alias: site && command === 'build' ? { ...CONFIG, ...PREACT } : { ...CONFIG, ...QUERY_STRING } },
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
        input: site
          ? { site: path.resolve(__dirname, 'index.html') }
          : { staff: path.resolve(__dirname, 'dashboard.html'), queue: path.resolve(__dirname, 'queue.html') },
      },
    },
  };
});
