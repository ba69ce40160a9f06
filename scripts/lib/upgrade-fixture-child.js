'use strict';
// Run by scripts/upgrade-fixtures.mjs on an earlier release's tree: boots it on the database of the
// environment, seeds its demo data at a fixed "now" and writes what that release reports (expected.json).
const path = require('node:path');
const { writeFileSync } = require('node:fs');
const { createStrapi } = require('@strapi/strapi');
const { upgradeReport } = require('./upgrade-report');

const [appDir, reportFile] = process.argv.slice(2);
const NOW = new Date('2026-12-01T03:00:00.000Z');
const PASSWORD = 'Layanan2026!';
const RECAP = { from: '2026-09-01', to: '2026-11-30', groupBy: 'month' };

async function main() {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    strapi.plugin('sop-workflow').service('clock').use(() => NOW);
    const { seed } = require(path.join(appDir, 'dist', 'src', 'seed'));
    await seed(strapi, { ...process.env, DEMO_DATA: 'true' });

    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}/api`;
    const login = await fetch(`${base}/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'pimpinan@demo.local', password: PASSWORD }),
    }).then((r) => r.json());
    const recap = await fetch(`${base}/recap?${new URLSearchParams(RECAP)}`, { headers: { authorization: `Bearer ${login.jwt}` } }).then((r) => r.json());
    if (!recap.data) throw new Error(`the release's recap answered ${JSON.stringify(recap).slice(0, 300)}`);

    const report = { now: NOW.toISOString(), recapQuery: RECAP, ...(await upgradeReport(strapi)), recap: recap.data };
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
