// `npm run bench:import -- --rows 100000 [--baseline-rows B] [--workers 1] [--no-small-batch] [--no-build] [--port 3990]`: the whole
// import as users run it, from the upload to the last welcome mail accepted by an SMTP server.
//
// It starts the gateway, the members API, W import workers (as `npm run start:worker` and
// docker-compose.yml start them), the notifications service and an SMTP sink (its own process,
// scripts/bench-smtp-sink.mjs) on a RabbitMQ virtual host and a database of its own, so that tests
// or a dev stack on the same broker never see its messages. First, on the idle database and sink,
// two baselines: raw driver insertMany of as many account documents, and raw pooled nodemailer
// sending as many similar mails. Then it uploads a realistic directory export, commits it, and
// times each phase up to the last welcome mail. Meanwhile a second organization commits a batch
// of two members, to see how long a small batch waits behind a big one (--no-small-batch skips it).
// Prints one JSON object on stdout; progress goes to stderr every 5 s; logs of every service are
// kept under var/log/bench/<run>/.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { createTransport } from 'nodemailer';
import { asRoot, createAdmin, fetchJson, ServiceProcesses, sleep, SmtpSink, waitForServices as waitForRoster, waitUntil as waitWhileAlive, withTimeout } from './roster-processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  allowNegative: true,
  options: {
    rows: { type: 'string', default: '100000' },
    // Documents and mails of each baseline (default: --rows). At 1,000,000 rows the nodemailer
    // baseline alone takes half an hour; a sample gives its rate.
    'baseline-rows': { type: 'string' },
    workers: { type: 'string', default: '1' },
    port: { type: 'string', default: '3990' },
    // FerretDB (or MongoDB) on another port, e.g. the PostgreSQL backend on 27018.
    'mongo-port': { type: 'string', default: process.env.FERRETDB_PORT ?? '27017' },
    'small-batch': { type: 'boolean', default: true },
    // --no-build: measure dist/ as it is (a build while someone else's tests run from dist/ changes it under them).
    build: { type: 'boolean', default: true },
    // With no welcome mail accepted for this long, the bench stops waiting and reports what it has.
    'stall-seconds': { type: 'string', default: '420' },
  },
});
const ROWS = Number(values.rows);
const BASELINE_ROWS = Number(values['baseline-rows'] ?? values.rows);
const WORKERS = Number(values.workers);
const PORT = Number(values.port);
const MONGO_PORT = Number(values['mongo-port']);
const SMALL_BATCH = values['small-batch'];
const STALL_MS = Number(values['stall-seconds']) * 1000;
// Opt-in: each worker runs with --inspect on a free loopback port, and its CPU profile from the
// upload to the end of validation is written there as <worker>-validation-<run>.cpuprofile.
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
if (!(ROWS > 0) || !(BASELINE_ROWS > 0) || !(WORKERS > 0) || !(PORT > 0) || !(STALL_MS > 0)) {
  console.error('usage: npm run bench:import -- --rows N [--baseline-rows B] [--workers W] [--port P] [--mongo-port M] [--no-small-batch] [--no-build] [--stall-seconds S]');
  process.exit(2);
}

/** How often the bench asks for the batch: a phase's time is exact to a quarter of a second. */
const POLL_MS = 250;
const PROGRESS_MS = 5_000;
const HOUR_MS = 3_600_000;
/** The small batch's mails may come just after the big batch's last one (first in, first out). */
const SMALL_BATCH_GRACE_MS = 90_000;
const SMALL_BATCH_TRIGGER = 0.1;

const RUN = Date.now();
const VHOST = `roster-bench-${RUN}`;
const DATABASE = `roster_bench_${RUN}`;
const MONGO_URL = `mongodb://127.0.0.1:${MONGO_PORT}/${DATABASE}`;
// Only letters, digits and dashes: nothing to percent-encode in the URL's path.
const AMQP_URL = `amqp://guest:guest@127.0.0.1:5672/${VHOST}`;
const LOG_DIR = join(root, 'var', 'log', 'bench', String(RUN));

// Recipients tell the mails apart at the sink.
const BIG_DOMAIN = '@bench.example';
const PROBE_DOMAIN = '@probe.example';
const BASELINE_DOMAIN = '@baseline.example';
const ADMINS = [
  { organization: `Bench ${RUN}`, email: 'admin@bench-admin.example', password: 'Bench-Harbor-Lamp-42' },
  { organization: `Bench small ${RUN}`, email: 'admin2@bench-admin.example', password: 'Bench-Harbor-Lamp-43' },
];

// ---------------------------------------------------------------------------------------------
// The directory export

const FIRST = ['Élodie', 'Jürgen', 'François', 'Zoë', 'Noémie', 'Gaël', 'Hélène', 'Jérôme', 'Søren', 'Łukasz', 'Marie', 'Jean', 'Pierre', 'Sophie', 'James', 'Emily', 'Oliver', 'Charlotte', 'Amélie', 'Benoît', 'Clément', 'Anaïs', 'Maëlle', 'Thomas', 'Olivia', 'William', 'Chloé', 'Léa', 'Hugo', 'Inès'];
const LAST = ['Lefèvre', 'Groß', 'Dupont', 'Pérez', 'Roux', 'Le Goff', 'Müller', 'Smith', 'Johnson', "O'Brien", 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'García', 'Núñez', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Kierkegaard'];

function generateCsv(path) {
  const lines = ['Adresse e-mail;Nom d\'utilisateur;Prénom;Nom;Service'];
  const emails = [];
  for (let index = 0; index < ROWS; index += 1) {
    const first = FIRST[index % FIRST.length];
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length];
    const ascii = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();
    let email = `${ascii(first)}.${ascii(last)}.${index}${BIG_DOMAIN}`;
    if (index % 50 === 7) email = `${ascii(first)}.${ascii(last)}.${index}@@bench`; // 2% bad emails
    if (index % 100 === 13 && emails.length > 10) email = emails[emails.length - 10]; // 1% duplicates
    emails.push(email);
    // 10% with user names; one in ten of those asks for the same name as another row.
    const userName = index % 10 === 3 ? (index % 100 === 3 ? `${ascii(first)}_${ascii(last)}` : `${ascii(first)}_${ascii(last)}_${index}`) : '';
    lines.push([email, userName, first, last, index % 3 === 0 ? 'Ventes' : 'R&D'].join(';'));
  }
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
}

// ---------------------------------------------------------------------------------------------
// Small tools

const round = (value) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null);
const perSecond = (count, ms) => (ms > 0 ? Math.round((count * 1000) / ms) : null);
const elapsed = () => `${((Date.now() - RUN) / 1000).toFixed(0)}s`;
const say = (line) => process.stderr.write(`[bench ${elapsed()}] ${line}\n`);

const rabbitmqctl = (...args) => asRoot('rabbitmqctl', args);


// ---------------------------------------------------------------------------------------------
// Processes: started as package.json's scripts start them, watched, measured, stopped

const processes = new ServiceProcesses(LOG_DIR);
const crashes = processes.crashes;
const startNode = (name, script, env) => processes.startNode(name, script, env);
const checkAlive = () => processes.checkAlive();

/** The process listening on the backend's port (several FerretDBs may run here), else its pid file, else pgrep. */
function pidOfBackend(port, pidFile, pattern) {
  const listening = /pid=(\d+)/.exec(spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout ?? '');
  if (listening) return Number(listening[1]);
  try {
    const pid = Number(readFileSync(join(root, pidFile), 'utf8').trim());
    if (pid > 0 && existsSync(`/proc/${pid}`)) return pid;
  } catch {
    // no pid file: look the process up
  }
  const found = spawnSync('pgrep', pattern, { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  return found.length > 0 ? Number(found[0]) : null;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function usageOf(pid) {
  try {
    const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssMb, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/** Peak RSS of every process of the run, and CPU seconds between two marks (job start and end). */
class Meter {
  tracked = new Map(); // name → { pid, peakMb, atStartMb, last, marks }

  track(name, pid) {
    if (pid) this.tracked.set(name, { pid, peakMb: 0, atStartMb: usageOf(pid)?.rssMb ?? 0, last: undefined, marks: {} });
  }

  sample() {
    for (const entry of this.tracked.values()) {
      const usage = usageOf(entry.pid);
      if (!usage) continue;
      entry.last = usage;
      entry.peakMb = Math.max(entry.peakMb, usage.rssMb);
    }
  }

  mark(label) {
    this.sample();
    for (const entry of this.tracked.values()) entry.marks[label] = entry.last?.cpuSeconds;
  }

  report(names, pick) {
    const out = {};
    for (const name of names) {
      const entry = this.tracked.get(name);
      out[name] = entry ? pick(entry) : null;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// What the SMTP sink accepted

/** Welcome mails of one batch, by recipient: the first acceptance of each counts, repeats are noted. */
class MailTally {
  firstAt = new Map(); // recipient → accepted at
  repeats = 0;
  bytes = 0;

  constructor(matches) {
    this.matches = matches;
  }

  add({ t, to, bytes }) {
    if (!this.matches(to)) return;
    if (this.firstAt.has(to)) {
      this.repeats += 1;
      return;
    }
    this.firstAt.set(to, t);
    this.bytes += bytes;
  }

  get count() {
    return this.firstAt.size;
  }

  times() {
    return [...this.firstAt.values()].sort((a, b) => a - b);
  }
}

// ---------------------------------------------------------------------------------------------
// Baselines, measured first on the idle database and sink

async function insertManyBaseline() {
  const client = await new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    const collection = client.db().collection('bench_baseline_accounts');
    await collection.createIndex({ emailNormalized: 1 }, { unique: true });
    await collection.createIndex({ accountName: 1 }, { unique: true });
    const started = performance.now();
    for (let index = 0; index < BASELINE_ROWS; index += 1000) {
      const docs = [];
      for (let offset = index; offset < Math.min(BASELINE_ROWS, index + 1000); offset += 1) {
        docs.push({ _id: randomUUID(), organizationId: 'o', email: `b${offset}@x.example`, emailNormalized: `b${offset}@x.example`, accountName: `baseline${offset}`, firstName: 'B', lastName: 'L', status: 'pending_activation', passwordHash: null, mustChangePassword: false, locale: 'en', batchId: 'b', createdAt: new Date(), activatedAt: null });
      }
      await collection.insertMany(docs, { ordered: false });
    }
    const ms = performance.now() - started;
    await collection.drop();
    return { docs: BASELINE_ROWS, seconds: round(ms / 1000), docsPerSecond: perSecond(BASELINE_ROWS, ms) };
  } finally {
    await client.close();
  }
}

/** A mail shaped like the welcome mail: text and HTML alternatives, about 3 KB together. */
function baselineMail(index) {
  const link = `http://127.0.0.1:${PORT}/activate?token=${randomUUID()}.0.${randomBytes(32).toString('base64url')}`;
  const paragraphs = [
    'Hello Élodie,',
    'Bench Organization has created an account for you.',
    `Your account name: elodie.lefevre.${index}`,
    'This account is not active yet: you cannot sign in until you activate it. To do so: open the activation link below; complete your profile (first and last name); choose your password.',
    `Activation link: ${link}`,
    'This link is valid for 7 days, until 8 December 2026 at 10:00 UTC. It can only be used once.',
    'If you were not expecting this email, you can ignore it: the account cannot be used until it is activated.',
  ];
  const text = `${paragraphs.join('\n\n')}\n\n-- \nRoster, member accounts for Bench Organization. This is an automatic message; replies are not read.\n`;
  const cell = 'padding:32px;font-family:-apple-system,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;';
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Activate your account</title></head><body style="margin:0;padding:0;background-color:#f4f5f7;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;"><tr><td style="${cell}">${paragraphs.map((paragraph) => `<p style="margin:0 0 16px;">${paragraph}</p>`).join('\n')}<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;"><tr><td style="border-radius:6px;background-color:#1d4ed8;"><a href="${link}" style="display:inline-block;padding:12px 24px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px;">Activate my account</a></td></tr></table><p style="margin:0 0 16px;font-size:14px;color:#4b5563;">If the button does not work, copy this link into your browser:<br><a href="${link}" style="color:#1d4ed8;word-break:break-all;">${link}</a></p></td></tr></table></td></tr></table></body></html>`;
  return {
    to: `baseline.${index}${BASELINE_DOMAIN}`,
    subject: 'Activate your Bench Organization account',
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Roster-Notification-Id': randomUUID() },
  };
}

async function nodemailerBaseline(sink) {
  const MAX_CONNECTIONS = 5;
  const CONCURRENCY = MAX_CONNECTIONS * 4; // every pooled connection always has a mail waiting
  const transport = createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: MAX_CONNECTIONS, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 30_000 }, { from: 'Roster <no-reply@roster.local>' });
  const tally = new MailTally((to) => to.endsWith(BASELINE_DOMAIN));
  let next = 0;
  const started = Date.now();
  try {
    const sender = async () => {
      while (next < BASELINE_ROWS) {
        const index = next;
        next += 1;
        await transport.sendMail(baselineMail(index));
      }
    };
    await withTimeout(Promise.all(Array.from({ length: CONCURRENCY }, sender)), Math.max(300_000, BASELINE_ROWS * 20), 'the nodemailer baseline');
  } finally {
    transport.close();
  }
  await sink.flush();
  for (const mail of sink.mails) tally.add(mail);
  const times = tally.times();
  const ms = times[times.length - 1] - started;
  return { mails: BASELINE_ROWS, acceptedBySink: tally.count, bytesPerMail: Math.round(tally.bytes / Math.max(1, tally.count)), maxConnections: MAX_CONNECTIONS, concurrency: CONCURRENCY, seconds: round(ms / 1000), mailsPerSecond: perSecond(BASELINE_ROWS, ms) };
}

// ---------------------------------------------------------------------------------------------
// Readiness: every service consuming what it must before the job starts

const waitUntil = (probe, timeoutMs, what, options = {}) => waitWhileAlive(processes, probe, timeoutMs, what, { say, everyMs: POLL_MS, ...options });

const waitForServices = (base, channelModel) =>
  waitForRoster(processes, { base, channelModel, workers: WORKERS, say, listBindings: () => rabbitmqctl('-q', 'list_bindings', '-p', VHOST, '--no-table-headers', 'source_name', 'destination_name', 'routing_key') });

// ---------------------------------------------------------------------------------------------
// Rates over the mails' acceptance times

/** Mails per second in each tenth of the mails (by acceptance time). */
function decileRates(times) {
  if (times.length < 20) return null;
  const rates = [];
  for (let decile = 0; decile < 10; decile += 1) {
    const from = Math.floor((decile * (times.length - 1)) / 10);
    const to = Math.floor(((decile + 1) * (times.length - 1)) / 10);
    rates.push({ mails: to - from, seconds: round((times[to] - times[from]) / 1000), perSecond: perSecond(to - from, times[to] - times[from]) });
  }
  return rates;
}

/** Warnings and errors each service logged, with a few distinct messages. */
function logSummary(names) {
  const summary = {};
  for (const name of names) {
    const path = join(LOG_DIR, `${name}.log`);
    if (!existsSync(path)) continue;
    const counts = {};
    const samples = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let level = 'unstructured';
      let message = line.slice(0, 200);
      try {
        const entry = JSON.parse(line);
        level = entry.level ?? 'unknown';
        message = typeof entry.message === 'string' ? entry.message : JSON.stringify(entry.message).slice(0, 200);
        if (entry.reason) message += ` (${String(entry.reason).slice(0, 200)})`;
      } catch {
        // not JSON: kept as it is
      }
      if (level === 'log' || level === 'debug' || level === 'verbose') continue;
      counts[level] = (counts[level] ?? 0) + 1;
      const key = `${level}: ${message}`;
      samples.set(key, (samples.get(key) ?? 0) + 1);
    }
    if (Object.keys(counts).length > 0) {
      summary[name] = { ...counts, messages: [...samples].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([text, times]) => `${times}× ${text}`) };
    }
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// The small batch: a second organization's two members, committed while the big batch mails

async function smallBatchProbe(base, sink, bigTally, state) {
  const probe = { triggeredAt: Date.now(), triggeredAfterBigMails: bigTally.count, emails: [`fair.a.${RUN}${PROBE_DOMAIN}`, `fair.b.${RUN}${PROBE_DOMAIN}`] };
  const login = await fetchJson(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMINS[1].email, password: ADMINS[1].password }) });
  if (login.status !== 200 && login.status !== 201) throw new Error(`second admin login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const auth = { authorization: `Bearer ${login.body.accessToken}` };
  probe.loggedInAt = Date.now();
  const created = await fetchJson(`${base}/api/v1/member-batches`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ emails: probe.emails.join(', ') }) });
  if (created.status !== 201) throw new Error(`typed batch answered ${created.status}: ${JSON.stringify(created.body)}`);
  const batchId = created.body.id;
  if (created.body.status !== 'ready') {
    await waitUntil(async () => (await fetchJson(`${base}/api/v1/member-batches/${batchId}`, { headers: auth })).body.status === 'ready', 60_000, 'the small batch to be ready');
  }
  const tally = new MailTally((to) => probe.emails.includes(to));
  probe.commitRequestedAt = Date.now();
  probe.bigMailsAcceptedAtCommit = bigTally.count;
  const commit = await fetchJson(`${base}/api/v1/member-batches/${batchId}/commit`, { method: 'POST', headers: auth });
  if (commit.status !== 202) throw new Error(`small batch commit answered ${commit.status}: ${JSON.stringify(commit.body)}`);
  probe.commitAnsweredSeconds = round((Date.now() - probe.commitRequestedAt) / 1000);
  state.smallBatch = 'committed';
  // Until both mails are in, or the bench says the big job is over and the grace has passed.
  let seen = 0;
  await new Promise((resolve) => {
    const check = () => {
      for (const mail of sink.mails.slice(seen)) tally.add(mail);
      seen = sink.mails.length;
      state.smallBatch = `committed, ${tally.count}/2 mails`;
      if (tally.count >= probe.emails.length || state.giveUp) {
        unsubscribe();
        clearInterval(timer);
        resolve();
      }
    };
    const unsubscribe = sink.onMail(check);
    const timer = setInterval(check, POLL_MS);
    check();
  });
  const times = tally.times();
  const done = tally.count >= probe.emails.length;
  const lastAt = done ? times[times.length - 1] : undefined;
  return {
    batchId,
    triggeredAfterBigMails: probe.triggeredAfterBigMails,
    // The second admin's sign-in and typed batch (until ready), answered while the big batch mails.
    loginSeconds: round((probe.loggedInAt - probe.triggeredAt) / 1000),
    createBatchSeconds: round((probe.commitRequestedAt - probe.loggedInAt) / 1000),
    mailsArrived: tally.count,
    secondsToFirstMail: times.length > 0 ? round((times[0] - probe.commitRequestedAt) / 1000) : null,
    secondsToLastMail: done ? round((lastAt - probe.commitRequestedAt) / 1000) : null,
    waitedSeconds: done ? null : round((Date.now() - probe.commitRequestedAt) / 1000),
    commitAnsweredSeconds: probe.commitAnsweredSeconds,
    bigMailsAcceptedAtCommit: probe.bigMailsAcceptedAtCommit,
    mailsAcceptedBeforeOfBigBatch: done ? bigTally.times().filter((t) => t <= lastAt).length : null,
    note: done ? undefined : 'the small batch\'s mails had not all arrived when the bench stopped waiting',
  };
}

/**
 * FerretDB finishes a command whose client has gone (a worker stopped mid-insert), and an insert
 * into a dropped database creates it again: drop until it stays gone.
 */
/** What the job's database takes on disk at the end, as the server reports it (FerretDB: its backend's relation sizes). */
async function databaseSizeMb() {
  const client = await new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    const stats = await client.db().command({ dbStats: 1, scale: 1024 * 1024 });
    return { dataMb: Math.round(stats.dataSize), storageMb: Math.round(stats.storageSize), indexesMb: Math.round(stats.indexSize), totalMb: Math.round(stats.totalSize ?? stats.storageSize + stats.indexSize) };
  } catch (error) {
    return { error: error.message };
  } finally {
    await client.close();
  }
}

async function dropDatabase() {
  const client = await new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    for (let tries = 1; tries <= 5; tries += 1) {
      await client.db().dropDatabase();
      await sleep(2_000);
      const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
      if (!databases.some((database) => database.name === DATABASE)) return;
    }
    throw new Error('it came back after 5 drops');
  } finally {
    await client.close();
  }
}

// ---------------------------------------------------------------------------------------------

const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await withTimeout(step.run(), step.timeoutMs, step.what);
        if (step.announce) say(`cleanup: ${step.what}: done`);
      } catch (error) {
        say(`cleanup: ${step.what}: ${error.message}`);
      }
    }
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    say(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(code));
  });
}

/**
 * The backends must already run. The bench does not run `services.sh up` itself: that rewrites
 * var/services.env, which test runs on this machine read, perhaps for another FerretDB backend.
 */
async function checkBackends() {
  try {
    const client = await new MongoClient(`mongodb://127.0.0.1:${MONGO_PORT}/admin`, { serverSelectionTimeoutMS: 5_000 }).connect();
    await client.close();
    const amqp = await connect('amqp://guest:guest@127.0.0.1:5672', { timeout: 5_000 });
    await amqp.close();
  } catch (error) {
    throw new Error(`FerretDB (127.0.0.1:${MONGO_PORT}) and RabbitMQ (127.0.0.1:5672) must be running; start them with \`npm run services:up\` (${error.message})`);
  }
}

/** Another gateway on the port would answer the bench's requests instead of its own. */
async function checkPortFree() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`port ${PORT} is in use (${error.code}): pass --port`)));
    server.listen(PORT, resolve);
  });
  await new Promise((resolve) => server.close(resolve));
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts V8's sampling profiler in the process inspected on `port` (DevTools protocol); `stop()` answers the profile. */
async function startProfiler(port) {
  const [target] = await fetchJson(`http://127.0.0.1:${port}/json/list`).then(({ body }) => body);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`no inspector on port ${port}`));
  });
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  let lastId = 0;
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, { resolve, reject });
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await send('Profiler.stop');
      socket.close();
      return profile;
    },
  };
}

/** Which code was measured: the work tree may hold changes, and --no-build measures an older dist/. */
function codeMeasured() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const changed = git('status', '--porcelain', '--', 'apps', 'libs').split('\n').filter(Boolean).length;
  let distBuiltAt = null;
  try {
    distBuiltAt = new Date(Math.min(...['gateway', 'members', 'notifications'].map((app) => statSync(join(root, 'dist', 'apps', app, 'src', 'main.js')).mtimeMs))).toISOString();
  } catch {
    // not built
  }
  return { gitHead: git('rev-parse', '--short', 'HEAD'), changedFilesUnderAppsAndLibs: changed, distBuiltAt };
}

async function main() {
  await checkPortFree();
  const loadAtStart = loadavg().map(round);
  await checkBackends();
  if (values.build) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    if (build.status !== 0) throw new Error('build failed');
  }
  const code = codeMeasured();
  mkdirSync(LOG_DIR, { recursive: true });

  rabbitmqctl('add_vhost', VHOST);
  cleanups.push({ what: `delete vhost ${VHOST}`, announce: true, timeoutMs: 90_000, run: async () => rabbitmqctl('delete_vhost', VHOST) });
  rabbitmqctl('set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*');
  cleanups.push({ what: `drop database ${DATABASE}`, announce: true, timeoutMs: 60_000, run: dropDatabase });
  const file = join(tmpdir(), `roster-bench-${RUN}.csv`);
  cleanups.push({ what: 'remove the CSV', timeoutMs: 5_000, run: async () => rmSync(file, { force: true }) });
  generateCsv(file);
  say(`vhost ${VHOST}, database ${DATABASE}, ${ROWS} rows, ${WORKERS} worker(s), logs in ${LOG_DIR}`);

  const meter = new Meter();
  meter.track('ferretdb', pidOfBackend(MONGO_PORT, 'var/ferretdb.pid', ['-f', `ferretdb.*:${MONGO_PORT}`]));
  meter.track('rabbitmq', pidOfBackend(5672, 'var/rabbitmq.pid', ['-f', 'beam.smp']));
  const sampler = setInterval(() => meter.sample(), POLL_MS);
  cleanups.push({ what: 'stop the sampler', timeoutMs: 1_000, run: async () => clearInterval(sampler) });
  cleanups.push({ what: 'stop the services', announce: true, timeoutMs: 30_000, run: () => processes.stopAll() });

  const sink = new SmtpSink(processes);
  await sink.start();
  meter.track('sink', sink.child.pid);

  const state = { phase: 'baselines', batch: undefined, giveUp: false, smallBatch: 'not yet' };
  let bigBatchId;
  const events = { ids: new Set(), deliveries: 0, firstAt: 0, lastAt: 0 };
  const bigTally = new MailTally((to) => to.endsWith(BIG_DOMAIN));
  const progress = setInterval(() => {
    const batch = state.batch;
    const batchLine = batch ? `batch ${batch.status}${batch.progress ? ` ${batch.progress.phase} ${batch.progress.processed}/${batch.progress.total}` : ''}, ` : '';
    say(`${state.phase}: ${batchLine}events ${events.ids.size}, welcome mails ${bigTally.count}${state.expectedMails ? `/${state.expectedMails}` : ''}, sink total ${sink.mails.length}, small batch ${state.smallBatch}`);
  }, PROGRESS_MS);
  cleanups.push({ what: 'stop progress', timeoutMs: 1_000, run: async () => clearInterval(progress) });

  say('baseline: driver insertMany');
  const insertMany = await withTimeout(insertManyBaseline(), Math.max(120_000, BASELINE_ROWS * 5), 'the insertMany baseline');
  say(`baseline: pooled nodemailer to the sink (${BASELINE_ROWS} mails)`);
  meter.mark('mailBaselineStart');
  const benchCpuBefore = process.cpuUsage();
  const nodemailer = await nodemailerBaseline(sink);
  meter.mark('mailBaselineEnd');
  const benchCpu = process.cpuUsage(benchCpuBefore);
  // Which side limits the baseline: the sender (this process) or the sink.
  nodemailer.cpuSeconds = { sender: round((benchCpu.user + benchCpu.system) / 1e6), sink: round(meter.tracked.get('sink').marks.mailBaselineEnd - meter.tracked.get('sink').marks.mailBaselineStart) };
  say(`baselines: insertMany ${insertMany.docsPerSecond} docs/s, nodemailer ${nodemailer.mailsPerSecond} mails/s`);

  state.phase = 'starting services';
  const env = { MONGO_URL, AMQP_URL, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '60000', GATEWAY_PORT: String(PORT), JWT_SECRET: randomBytes(48).toString('base64'), PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    // Every service connects as guest on the bench's own vhost: the members service answers guest
    // what it answers the gateway's and the notifications service's users.
    MEMBERS_RPC_GATEWAY_USER: 'guest', MEMBERS_RPC_NOTIFICATIONS_USER: 'guest' };
  for (const admin of ADMINS) createAdmin(env, admin);

  meter.track('members-api', startNode('members-api', 'start:members', env).pid);
  const workerNames = Array.from({ length: WORKERS }, (_, index) => `worker-${index + 1}`);
  const inspectorPorts = new Map();
  for (const name of workerNames) {
    if (CPU_PROFILE_DIR) inspectorPorts.set(name, await freePort());
    const flags = CPU_PROFILE_DIR ? [`--inspect=127.0.0.1:${inspectorPorts.get(name)}`] : [];
    meter.track(name, processes.startNode(name, 'start:worker', env, flags).pid);
  }
  meter.track('notifications', startNode('notifications', 'start:notifications', env).pid);
  meter.track('gateway', startNode('gateway', 'start:gateway', env).pid);
  const processNames = ['gateway', 'members-api', ...workerNames, 'notifications', 'sink', 'ferretdb', 'rabbitmq'];

  const amqp = await connect(AMQP_URL, { timeout: 10_000 });
  amqp.on('error', () => undefined);
  cleanups.push({ what: 'close the AMQP connection', timeoutMs: 5_000, run: () => amqp.close() });
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServices(base, amqp);
  say('services ready');

  state.phase = 'upload';
  const login = await fetchJson(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMINS[0].email, password: ADMINS[0].password }) });
  if (!login.body?.accessToken) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const auth = { authorization: `Bearer ${login.body.accessToken}` };

  // AccountCreated, as any subscriber sees them: an exclusive queue on roster.events.
  const channel = await withTimeout(amqp.createChannel(), 10_000, 'an AMQP channel');
  await channel.assertExchange('roster.events', 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, 'roster.events', 'member.account.created');
  await channel.consume(queue, (message) => {
    let event;
    try {
      event = JSON.parse(message.content.toString('utf8'));
    } catch {
      return;
    }
    if (event.data?.batchId !== bigBatchId) return;
    events.deliveries += 1;
    events.ids.add(event.id);
    events.lastAt = Date.now();
    events.firstAt ||= events.lastAt;
  }, { noAck: true });

  const summaryMails = new MailTally((to) => to === ADMINS[0].email);
  let seen = sink.mails.length; // the baseline's mails are not the job's
  let smallBatch = { skipped: true };
  let probe;
  sink.onMail(() => {
    for (const mail of sink.mails.slice(seen)) {
      bigTally.add(mail);
      summaryMails.add(mail);
    }
    seen = sink.mails.length;
    const target = state.expectedMails;
    if (SMALL_BATCH && !probe && target && bigTally.count >= Math.ceil(target * SMALL_BATCH_TRIGGER)) {
      say(`small batch: committing 2 members after ${bigTally.count} of ~${target} welcome mails`);
      state.smallBatch = 'started';
      probe = smallBatchProbe(base, sink, bigTally, state).catch((error) => ({ error: error.message }));
    }
  });

  const batchOf = async () => {
    const { status, body } = await fetchJson(`${base}/api/v1/member-batches/${bigBatchId}`, { headers: auth }, 30_000);
    if (status !== 200) throw new Error(`GET batch answered ${status}`);
    state.batch = body;
    if (body.status === 'failed') throw new Error(`batch failed: ${body.failureReason}`);
    return body;
  };
  const untilStatus = (wanted, timeoutMs) =>
    waitUntil(async () => {
      try {
        const batch = await batchOf();
        return batch.status === wanted ? batch : undefined;
      } catch (error) {
        if (/batch failed/.test(error.message)) crashes.push(error.message);
        throw error;
      }
    }, timeoutMs, `the batch to be ${wanted}`);

  const profilers = await Promise.all([...inspectorPorts].map(async ([name, port]) => ({ name, profiler: await startProfiler(port) })));
  meter.mark('jobStart');
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)], { type: 'text/csv' }), 'bench.csv');
  const uploadStarted = Date.now();
  const accepted = await fetchJson(`${base}/api/v1/member-batches`, { method: 'POST', headers: auth, body: form }, 600_000);
  const uploadMs = Date.now() - uploadStarted;
  if (!accepted.body?.id) throw new Error(`upload answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  bigBatchId = accepted.body.id;

  state.phase = 'validation';
  const ready = await untilStatus('ready', HOUR_MS);
  const validationMs = Date.now() - uploadStarted - uploadMs;
  meter.mark('validationEnd');
  const cpuProfiles = [];
  for (const { name, profiler } of profilers) {
    mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    const path = join(CPU_PROFILE_DIR, `${name}-validation-${RUN}.cpuprofile`);
    writeFileSync(path, JSON.stringify(await profiler.stop()));
    cpuProfiles.push(path);
  }
  state.expectedMails = ready.counts.valid;

  state.phase = 'commit';
  const commitRequestedAt = Date.now();
  const commit = await fetchJson(`${base}/api/v1/member-batches/${bigBatchId}/commit`, { method: 'POST', headers: auth });
  if (commit.status !== 202) throw new Error(`commit answered ${commit.status}: ${JSON.stringify(commit.body)}`);
  const done = await untilStatus('completed', HOUR_MS);
  const commitMs = Date.now() - commitRequestedAt;
  const created = done.counts.created;
  state.expectedMails = created;

  state.phase = 'events';
  await waitUntil(async () => events.ids.size >= created, 600_000, `${created} AccountCreated events`, { soft: true });

  // Mails: until the last welcome mail, unless none comes for STALL_MS.
  state.phase = 'mails';
  let lastProgressAt = Date.now();
  let lastCount = -1;
  while (bigTally.count < created) {
    checkAlive();
    if (bigTally.count !== lastCount) {
      lastCount = bigTally.count;
      lastProgressAt = Date.now();
    }
    if (Date.now() - lastProgressAt > STALL_MS) {
      say(`no welcome mail for ${STALL_MS / 1000}s: stopping the wait at ${bigTally.count}/${created}`);
      break;
    }
    await sleep(100);
  }
  await sink.flush();
  meter.mark('jobEnd');
  const mailsComplete = bigTally.count >= created;

  if (probe) {
    state.phase = 'small batch';
    const graceEnds = Date.now() + SMALL_BATCH_GRACE_MS;
    const giveUp = setInterval(() => {
      if (Date.now() > graceEnds) state.giveUp = true;
    }, POLL_MS);
    smallBatch = await probe;
    clearInterval(giveUp);
    smallBatch.gracePeriodSeconds = SMALL_BATCH_GRACE_MS / 1000;
  } else if (SMALL_BATCH) {
    smallBatch = { triggered: false, note: `fewer than ${SMALL_BATCH_TRIGGER * 100}% of the welcome mails arrived, so the small batch was never committed` };
  }
  // A little time for the batch-summary mail, which is not part of the measure.
  await waitUntil(async () => summaryMails.count >= 1, 10_000, 'the batch summary mail', { soft: true });
  await sink.flush();
  clearInterval(progress);
  clearInterval(sampler);

  const times = bigTally.times();
  const firstMailAt = times[0];
  const lastMailAt = times[times.length - 1];
  const deciles = decileRates(times);
  const mailSpanMs = lastMailAt - firstMailAt;
  const mailsPerSecond = perSecond(times.length - 1, mailSpanMs);
  const commitRowsPerSecond = perSecond(created, commitMs);
  const cpuBetween = (from, to) => (entry) => (entry.marks[to] !== undefined && entry.marks[from] !== undefined ? round(entry.marks[to] - entry.marks[from]) : null);
  const cpu = cpuBetween('jobStart', 'jobEnd');

  const result = {
    rows: ROWS,
    workers: WORKERS,
    code,
    machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map(round) },
    vhost: VHOST,
    database: DATABASE,
    counts: done.counts,
    upload: { seconds: round(uploadMs / 1000), rowsPerSecond: perSecond(ROWS, uploadMs) },
    validation: { seconds: round(validationMs / 1000), rowsPerSecond: perSecond(ROWS, validationMs), valid: ready.counts.valid, invalid: ready.counts.invalid },
    commit: { seconds: round(commitMs / 1000), rowsPerSecond: commitRowsPerSecond },
    accountCreatedEvents: {
      received: events.ids.size,
      repeatedDeliveries: events.deliveries - events.ids.size,
      secondsFromCommitRequest: events.lastAt ? round((events.lastAt - commitRequestedAt) / 1000) : null,
      perSecondFromCommitRequest: events.lastAt ? perSecond(events.ids.size, events.lastAt - commitRequestedAt) : null,
      spanSeconds: round((events.lastAt - events.firstAt) / 1000),
      perSecond: perSecond(events.ids.size - 1, events.lastAt - events.firstAt),
    },
    mails: {
      expected: created,
      accepted: bigTally.count,
      complete: mailsComplete,
      repeatedMails: bigTally.repeats,
      averageBytes: Math.round(bigTally.bytes / Math.max(1, bigTally.count)),
      secondsFromCommitRequest: lastMailAt ? round((lastMailAt - commitRequestedAt) / 1000) : null,
      perSecondFromCommitRequest: lastMailAt ? perSecond(bigTally.count, lastMailAt - commitRequestedAt) : null,
      firstMailSecondsAfterCommitRequest: firstMailAt ? round((firstMailAt - commitRequestedAt) / 1000) : null,
      spanSeconds: round(mailSpanMs / 1000),
      perSecond: mailsPerSecond,
      first10Percent: deciles?.[0] ?? null,
      last10Percent: deciles?.[9] ?? null,
      lastVsFirst10PercentRatio: deciles && deciles[0].perSecond ? round(deciles[9].perSecond / deciles[0].perSecond) : null,
      perSecondByTenth: deciles?.map((decile) => decile.perSecond) ?? null,
      batchSummaryMails: summaryMails.count,
    },
    totalSeconds: lastMailAt ? round((lastMailAt - uploadStarted) / 1000) : null,
    smallBatch,
    peakRssMb: meter.report(processNames, (entry) => Math.round(entry.peakMb)),
    databaseOnDisk: await databaseSizeMb(),
    backendRssBeforeRunMb: meter.report(['ferretdb', 'rabbitmq'], (entry) => Math.round(entry.atStartMb)),
    cpuSecondsUploadToLastMail: meter.report(processNames, cpu),
    cpuSecondsUploadAndValidation: meter.report(processNames, cpuBetween('jobStart', 'validationEnd')),
    ...(CPU_PROFILE_DIR ? { cpuProfiles } : {}),
    baselines: { insertMany, nodemailer },
    ratios: {
      commitVsInsertMany: round(commitRowsPerSecond / insertMany.docsPerSecond),
      mailsVsNodemailer: round(mailsPerSecond / nodemailer.mailsPerSecond),
      mailsFromCommitRequestVsNodemailer: lastMailAt ? round(perSecond(bigTally.count, lastMailAt - commitRequestedAt) / nodemailer.mailsPerSecond) : null,
    },
    logs: { dir: LOG_DIR, warningsAndErrors: logSummary(processNames) },
  };
  console.log(JSON.stringify(result, null, 2));
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
