#!/usr/bin/env node
// npm run proof:fuzz — generated hostile requests (fast-check) against one real CMS: every route of the route
// table as every role, bodies built from the API's own zod schemas (cms/dist/src/utils/validation.js) and then
// broken (wrong types, missing and unknown fields, huge and deep values, unicode and invalid UTF-8, SQL- and
// script-looking strings, `__proto__`), wrong content types, and crafted Strapi query parameters (filters,
// populate, sort, fields, pagination, $or as an object) reaching for other Bidang's requests and personal data.
// Properties: never a 5xx (nor no answer); a 4xx carries a message; a refused request writes nothing; a body
// the schema refuses is refused; no response shows a role data it must not see (NIK, phone, e-mail of requests
// outside its reach; tracking-token hashes, password hashes, reset tokens to anyone). A failing case is shrunk
// and printed as a curl line. Options: --cases=5000 --seed=<n> --no-compile.
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { CMS, compile, loadTestHelper, option } from './lib/bench.mjs';
import { Client, freshArtifacts, keepForScan, logFileOf, makeApplicant, newPii, proofEnv, publicBody, runProof, say, staffOf, startCms, tempDatabase, tempDir, intakeBody } from './lib/proof.mjs';

const require = createRequire(import.meta.url);
const qs = require('qs');
const CASES = Number(option('cases', 5000));
const SEED = option('seed', '') === '' ? Date.now() % 2 ** 31 : Number(option('seed', 0));

const hostileStrings = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE inquiries; --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{7*7}}',
    '${process.exit()}',
    '../../etc/passwd',
    '\u0000',
    '%00',
    '\ud800',
    '\u202e\u200b',
    '1e400',
    '-1',
    'NaN',
    '9'.repeat(40),
    'null',
    '[object Object]',
    '__proto__',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 3 }).map((n) => 'x'.repeat(10 ** (n + 1))),
);
const huge = fc.nat({ max: 2 }).map((n) => 'x'.repeat(10 ** (n + 4)));
const deep = fc.nat({ max: 3 }).map((n) => {
  let value = 'dalam';
  for (let i = 0; i < 10 ** n; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
});
const hostileValue = fc.oneof(hostileStrings, huge, fc.anything({ maxDepth: 3 }), deep, fc.constantFrom(null, true, 0, -1, 1.5, [], {}, { $ne: null }, { __proto__: { admin: true } }));

/** A valid body, then broken in one or more of the ways a hostile client tries. */
function bodyArbitrary(valid, schemaKeys) {
  const keys = [...new Set([...schemaKeys, ...Object.keys(valid)])];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('keep') }),
    fc.record({ kind: fc.constant('drop'), key: fc.constantFrom(...keys) }),
    fc.record({ kind: fc.constant('set'), key: fc.constantFrom(...keys), value: hostileValue }),
    fc.record({ kind: fc.constant('set'), key: fc.constantFrom('applicant.nik', 'applicant.phone', 'applicant.email', 'applicant.name', 'applicant.__proto__'), value: hostileValue }),
    fc.record({ kind: fc.constant('set'), key: fc.constantFrom('status', 'code', 'triagedAt', 'division', 'trackingTokenHash', 'id', 'documentId', 'constructor', 'publishedAt'), value: hostileValue }),
    fc.record({ kind: fc.constant('proto') }),
  );
  return fc.record({
    mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
    envelope: fc.constantFrom('data', 'data', 'data', 'bare', 'array', 'string'),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
    encoding: fc.constantFrom('json', 'json', 'json', 'json', 'broken-json', 'invalid-utf8', 'empty'),
  }).map(({ mutations, envelope, contentType, encoding }) => {
    const data = structuredClone(valid);
    let proto = false;
    for (const m of mutations) {
      if (m.kind === 'proto') proto = true;
      if (m.kind !== 'drop' && m.kind !== 'set') continue;
      const [head, tail] = m.key.split('.');
      const target = tail ? (data[head] = typeof data[head] === 'object' && data[head] ? data[head] : {}) : data;
      const key = tail ?? head;
      if (m.kind === 'drop') delete target[key];
      else Object.defineProperty(target, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
    const wrapped = envelope === 'data' ? { data } : envelope === 'bare' ? data : envelope === 'array' ? [{ data }] : 'data';
    let text = JSON.stringify(wrapped);
    if (proto) text = text.replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},');
    let raw = text;
    if (encoding === 'broken-json') raw = text.slice(0, Math.max(1, text.length - 2));
    if (encoding === 'invalid-utf8') raw = Buffer.concat([Buffer.from(text.slice(0, -2)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(text.slice(-2))]);
    if (encoding === 'empty') raw = '';
    return { raw, contentType, untouched: mutations.every((m) => m.kind === 'keep') && envelope === 'data' && encoding === 'json' && contentType === 'application/json' };
  });
}

const FIELD_PATHS = [
  'applicant.nik', 'applicant.phone', 'applicant.email', 'trackingTokenHash', 'code', 'status', 'id', 'documentId', 'receivedAt',
  'division.code', 'division.staff.email', 'division.staff.password', 'division.staff.resetPasswordToken', 'events.detail', 'events.actor.email',
  'notifications.recipient', 'notifications.payload', 'faqEntry.division.staff.email', 'actor.password', 'inquiry.applicant.nik', 'routedDivisionId', 'policy',
];
const OPERATORS = ['$eq', '$ne', '$containsi', '$startsWith', '$null', '$notNull', '$in', '$lt', '$gt', '$between', '$or', '$and', '$not', '$regex', '$raw'];
function nest(pathText, leaf) {
  return pathText.split('.').reduceRight((inner, key) => ({ [key]: inner }), leaf);
}
const filterArb = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELD_PATHS), fc.constantFrom(...OPERATORS), hostileStrings).map(([p, op, v]) => nest(p, { [op]: v })),
  fc.tuple(fc.constantFrom(...FIELD_PATHS), hostileStrings).map(([p, v]) => ({ $or: { 0: nest(p, { $eq: v }), 1: nest(p, { $null: true }) } })),
  fc.tuple(fc.constantFrom(...FIELD_PATHS), hostileStrings).map(([p, v]) => ({ $or: [nest(p, { $containsi: v })] })),
  hostileStrings,
);
const populateArb = fc.oneof(
  fc.constantFrom('*', 'division', 'division.staff', 'events', 'events.actor', 'notifications', 'faqEntry', 'actor', 'inquiry', 'staff', 'role', 'users'),
  fc.constantFrom({ division: { populate: '*' } }, { division: { populate: { staff: { fields: ['email', 'password', 'resetPasswordToken'] } } } }, { events: { populate: '*' } }, { notifications: true }, ['division', 'events'], { '*': { populate: '*' } }, { inquiry: { populate: { applicant: true } } }),
  hostileStrings,
);
const everyParameter = fc.record(
  {
    filters: filterArb,
    populate: populateArb,
    sort: fc.oneof(fc.constantFrom('applicant.nik:asc', 'trackingTokenHash:desc', 'division.staff.email', 'code:sideways', 'id', ['createdAt:desc', 'x']), hostileStrings),
    fields: fc.oneof(fc.constantFrom(['applicant'], ['trackingTokenHash'], 'policy', ['code', 'routedDivisionId'], '*'), hostileStrings),
    pagination: fc.oneof(fc.record({ page: hostileValue, pageSize: fc.constantFrom(1, 100, 101, 10_000, -5, 0, '1e400', 'abc') }), fc.record({ start: fc.integer(), limit: fc.integer() }), hostileStrings),
    token: hostileStrings,
    from: fc.oneof(fc.constant('2026-01-01'), hostileStrings),
    to: fc.oneof(fc.constant('2026-12-31'), hostileStrings),
    groupBy: fc.oneof(fc.constantFrom('day', 'week', 'month'), hostileStrings),
    format: fc.oneof(fc.constantFrom('xlsx', 'csv', 'pdf'), hostileStrings),
    status: fc.constantFrom('draft', 'published'),
    locale: hostileStrings,
  },
  { requiredKeys: [] },
);
// Mostly one parameter at a time, so a hostile value meets the route's own handling, not the first refusal.
const queryArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  ...['filters', 'populate', 'sort', 'fields', 'pagination'].map((name) => ({ weight: 2, arbitrary: everyParameter.map((q) => ({ [name]: q[name] ?? '*' })) })),
  { weight: 1, arbitrary: everyParameter },
);
const rawQueryArb = fc.constantFrom('', '', '', '?%E0%A4%A', '?filters[%00]=1', '?a=%ff%fe', '?filters[$or][0][applicant.nik][$null]=false', '?populate[0]=%2A', '?' + 'filters[a]'.repeat(200) + '=1');

runProof(async (verdict) => {
  if (option('no-compile', 'false') !== 'true') compile();
  freshArtifacts('fuzz');
  const db = await tempDatabase('sqlite', tempDir('fuzz'));
  const { FakeTelegram } = loadTestHelper('fake-telegram');
  const fake = await new FakeTelegram().start();
  const cms = await startCms({ env: proofEnv({ ...db.env, ...fake.env() }), logFile: logFileOf('fuzz', 'cms') });
  const staff = await staffOf(cms);
  const client = new Client(cms.base);
  const schemas = require(path.join(CMS, 'dist', 'src', 'utils', 'validation.js'));
  const keysOf = (schema) => Object.keys(schema.shape ?? schema.def?.shape ?? {});

  // Fixtures: a request of each Bidang and one not routed yet, each with its own personal data.
  const pii = newPii();
  const owned = { DAFDUK: newPii(), CAPIL: newPii(), none: newPii() };
  const fixture = {};
  for (const division of ['DAFDUK', 'CAPIL', 'none']) {
    const applicant = makeApplicant(owned[division]);
    for (const set of ['niks', 'phones', 'emails']) for (const v of owned[division][set]) pii[set].add(v);
    const pub = await client.call(null, 'POST', '/api/public/inquiries', { body: publicBody(applicant) });
    const list = await client.call(null, 'GET', `/api/inquiries?filters[code][$eq]=${pub.json.data.code}`, { jwt: staff.officer.jwt });
    const documentId = list.json.data[0].documentId;
    if (division !== 'none') await client.call(null, 'POST', `/api/inquiries/${documentId}/triage`, { jwt: staff.officer.jwt, body: { data: { division: staff.divisions[division] } } });
    fixture[division] = { ...pub.json.data, documentId };
  }
  const secrets = (await cms.rpc('secrets')).secrets;
  const roles = { public: null, officer: staff.officer.jwt, dafduk: staff.dafduk.jwt, capil: staff.capil.jwt, leadership: staff.leadership.jwt };
  /** What each role must never see in any answer. */
  const forbidden = {
    public: [...pii.niks, ...pii.phones, ...pii.emails, ...secrets],
    dafduk: [...['CAPIL', 'none'].flatMap((d) => [...owned[d].niks, ...owned[d].phones, ...owned[d].emails]), ...secrets],
    capil: [...['DAFDUK', 'none'].flatMap((d) => [...owned[d].niks, ...owned[d].phones, ...owned[d].emails]), ...secrets],
    officer: secrets,
    leadership: secrets,
  };
  const ids = fc.oneof(fc.constantFrom(fixture.DAFDUK.documentId, fixture.CAPIL.documentId, fixture.none.documentId, staff.divisions.DAFDUK, '1', '0'), hostileStrings);
  const surveyValid = { code: fixture.none.code, token: fixture.none.trackingToken, scores: Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((u) => [u, 4])) };
  const bodies = {
    publicInquiry: [publicBody(makeApplicant(newPii())).data, schemas.publicInquirySchema],
    officerInquiry: [intakeBody(makeApplicant(newPii())).data, schemas.officerInquirySchema],
    edit: [{ subject: 'Judul yang diperbaiki' }, schemas.editInquirySchema],
    triage: [{ division: staff.divisions.DAFDUK }, schemas.triageSchema],
    coordinate: [{ information: 'Informasi dari bidang untuk warga.' }, schemas.coordinateSchema],
    answer: [{ answer: 'Jawaban untuk warga.' }, schemas.answerSchema],
    close: [{ reason: 'Selesai' }, schemas.closeSchema],
    reject: [{ reason: 'Bukan kewenangan kami' }, schemas.rejectSchema],
    delivered: [{ how: 'Disampaikan lewat telepon' }, schemas.deliveredSchema],
    survey: [surveyValid, schemas.surveySchema],
    message: [{ text: 'Mohon kirim foto KK.' }, null],
    login: [{ identifier: 'petugas@demo.local', password: 'salah' }, null],
  };
  const ROUTES = [
    ['POST', '/api/public/inquiries', 'publicInquiry'],
    ['GET', '/api/public/track/:code'],
    ['POST', '/api/public/surveys', 'survey'],
    ['GET', '/api/faq-entries'], ['GET', '/api/faq-entries/:id'], ['GET', '/api/faq-preview/:id'],
    ['GET', '/api/divisions'], ['GET', '/api/divisions/:id'], ['GET', '/api/holidays'], ['GET', '/api/sop-policy'],
    ['GET', '/api/inquiries'], ['GET', '/api/inquiries/:id'], ['POST', '/api/inquiries', 'officerInquiry'], ['PUT', '/api/inquiries/:id', 'edit'], ['DELETE', '/api/inquiries/:id'],
    ['POST', '/api/inquiries/:id/triage', 'triage'], ['POST', '/api/inquiries/:id/coordinate', 'coordinate'], ['POST', '/api/inquiries/:id/answer', 'answer'],
    ['POST', '/api/inquiries/:id/close', 'close'], ['POST', '/api/inquiries/:id/reject', 'reject'], ['POST', '/api/inquiries/:id/delivered', 'delivered'],
    ['GET', '/api/inquiries/:id/events'], ['GET', '/api/inquiry-events'], ['GET', '/api/notifications'],
    ['GET', '/api/recap'], ['GET', '/api/recap/export'], ['GET', '/api/surveys/ikm'], ['GET', '/api/survey-responses'],
    ['GET', '/api/me'], ['GET', '/api/users/me'], ['GET', '/api/users'], ['GET', '/api/users/:id'], ['GET', '/api/users-permissions/roles'],
    ['POST', '/api/telegram/link-code'], ['GET', '/api/telegram/link'], ['DELETE', '/api/telegram/link'],
    ['GET', '/api/notifications/failed'], ['POST', '/api/notifications/:id/retry'],
    ['GET', '/api/channels/inquiries/:id/messages'], ['GET', '/api/channels/inquiries/:id/delivery'], ['POST', '/api/channels/inquiries/:id/messages', 'message'],
    ['POST', '/api/auth/local', 'login'],
  ];
  const caseArb = fc.oneof(
    ...ROUTES.map(([method, template, body]) =>
      fc.record({
        method: fc.constant(method),
        template: fc.constant(template),
        role: fc.constantFrom(...Object.keys(roles)),
        id: ids,
        code: fc.oneof(fc.constantFrom(fixture.none.code, fixture.CAPIL.code), hostileStrings),
        query: queryArb,
        rawQuery: rawQueryArb,
        body: body ? bodyArbitrary(bodies[body][0], bodies[body][1] ? keysOf(bodies[body][1]) : []) : fc.constant(null),
        bodyName: fc.constant(body ?? null),
      }),
    ),
  );

  // A lone surrogate cannot be percent-encoded as UTF-8; the raw queries send invalid bytes instead.
  const encode = (value) => encodeURIComponent(String(value).toWellFormed());
  const urlOf = (c) => {
    const pathPart = c.template.replace(':id', encode(c.id)).replace(':code', encode(c.code));
    const query = qs.stringify(c.query, { encodeValuesOnly: true, encoder: (value, _default, _charset, type) => (type === 'key' ? encode(value) : encode(value)) });
    return `${pathPart}${c.rawQuery || (query ? `?${query}` : '')}`;
  };
  const curlOf = (c) => {
    const parts = [`curl -i -X ${c.method} '${cms.base.replace(/\d+$/, 'PORT')}${urlOf(c)}'`];
    if (roles[c.role]) parts.push(`-H 'authorization: Bearer <${c.role} jwt>'`);
    if (c.body) parts.push(`-H 'content-type: ${c.body.contentType}' --data-binary ${JSON.stringify(Buffer.from(c.body.raw).toString())}`);
    const line = parts.join(' ');
    return line.length > 1200 ? `${line.slice(0, 1200)}… (${line.length} characters)` : line;
  };
  const statuses = new Map();
  let run = 0;
  const property = fc.asyncProperty(caseArb, async (c) => {
    run += 1;
    const writes = c.method !== 'GET';
    const before = writes ? (await cms.rpc('counts')).counts : null;
    const res = await client.call(`${c.method} ${c.template}`, c.method, urlOf(c), {
      jwt: roles[c.role],
      raw: c.body ? c.body.raw : undefined,
      headers: c.body ? { 'content-type': c.body.contentType } : {},
    });
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    // Node's HTTP parser refuses an address over its 16 KB header limit, and may close before the client is done.
    const url = urlOf(c);
    if (res.status === 0 && !(url.length > 16_000 && /EPIPE|ECONNRESET/.test(res.text))) throw new Error(`no answer: ${res.text}`);
    if (res.status >= 500) throw new Error(`${res.status}: ${res.text.slice(0, 300)}`);
    // 413/414/431 come from Node's HTTP parser before any of the app runs: the status line is the message.
    const protocolRefusal = [413, 414, 431].includes(res.status);
    if (res.status >= 400 && !protocolRefusal && !(typeof res.json?.error?.message === 'string' && res.json.error.message.trim())) throw new Error(`${res.status} without a message: ${res.text.slice(0, 200)}`);
    if (res.status >= 400 && before) {
      const after = (await cms.rpc('counts')).counts;
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length) throw new Error(`refused with ${res.status} but wrote to ${changed.join(', ')}`);
    }
    const schema = c.bodyName && bodies[c.bodyName][1];
    if (schema && res.status < 300 && c.body.contentType === 'application/json' && typeof c.body.raw === 'string') {
      let parsed;
      try {
        parsed = JSON.parse(c.body.raw);
      } catch {
        throw new Error(`broken JSON accepted with ${res.status}`);
      }
      if (!schema.safeParse(parsed?.data).success) throw new Error(`a body the schema refuses was accepted with ${res.status}`);
    }
    const leak = forbidden[c.role].find((secret) => res.text.includes(secret));
    if (leak) throw new Error(`the ${c.role} role sees ${leak.slice(0, 6)}… (${res.status})`);
  });

  say(`${CASES} generated requests over ${ROUTES.length} routes × ${Object.keys(roles).length} roles (seed ${SEED}) …`);
  const started = Date.now();
  const result = await fc.check(property, { numRuns: CASES, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: Number(option('time-limit-seconds', 1200)) * 1000 });
  const elapsed = (Date.now() - started) / 1000;
  console.log(`\nFuzz: ${run} requests (shrinking included) in ${elapsed.toFixed(0)} s; statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  if (result.failed) {
    const [c] = result.counterexample;
    console.log(`  shrunk failing case (seed ${SEED}, path ${result.counterexamplePath}):\n    ${curlOf(c)}\n    ${String(result.errorInstance?.message ?? result.error).slice(0, 500)}`);
  }
  verdict.check(`${result.numRuns} cases: no 5xx, every 4xx with a message, nothing written on refusal, schema refusals refused, no data a role must not see`, !result.failed, result.failed ? `failed after ${result.numRuns} (shrunk ${result.numShrinks} times)` : `${result.numRuns} of ${CASES} cases passed`);
  verdict.check('all the cases ran', result.failed || result.numRuns >= CASES, `${result.numRuns} of ${CASES}`);
  keepForScan('fuzz', pii, fake.delivered().map((m) => `${m.chatId}\t${m.text}`));
  await cms.kill();
  await fake.stop();
});
