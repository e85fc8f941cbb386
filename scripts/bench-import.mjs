// `npm run bench:import -- --rows 100000 [--workers 1]`: generates a realistic directory export,
// uploads it through the gateway, commits it, waits for completion and prints one JSON object:
// seconds and rows/s per phase, AccountCreated events/s, peak RSS of the gateway and the workers,
// and a baseline (raw driver insertMany of as many account documents into the same database).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, workers: { type: 'string', default: '1' }, port: { type: 'string', default: '3990' } } });
const ROWS = Number(values.rows);
const WORKERS = Number(values.workers);
const PORT = Number(values.port);

const FIRST = ['Élodie', 'Jürgen', 'François', 'Zoë', 'Noémie', 'Gaël', 'Hélène', 'Jérôme', 'Søren', 'Łukasz', 'Marie', 'Jean', 'Pierre', 'Sophie', 'James', 'Emily', 'Oliver', 'Charlotte', 'Amélie', 'Benoît', 'Clément', 'Anaïs', 'Maëlle', 'Thomas', 'Olivia', 'William', 'Chloé', 'Léa', 'Hugo', 'Inès'];
const LAST = ['Lefèvre', 'Groß', 'Dupont', 'Pérez', 'Roux', 'Le Goff', 'Müller', 'Smith', 'Johnson', "O'Brien", 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'García', 'Núñez', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Kierkegaard'];

function generateCsv(path) {
  const lines = ['Adresse e-mail;Nom d\'utilisateur;Prénom;Nom;Service'];
  const emails = [];
  for (let index = 0; index < ROWS; index += 1) {
    const first = FIRST[index % FIRST.length];
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length];
    const ascii = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();
    let email = `${ascii(first)}.${ascii(last)}.${index}@bench.example`;
    if (index % 50 === 7) email = `${ascii(first)}.${ascii(last)}.${index}@@bench`; // 2% bad emails
    if (index % 100 === 13 && emails.length > 10) email = emails[emails.length - 10]; // 1% duplicates
    emails.push(email);
    // 10% with user names; one in ten of those asks for the same name as another row.
    const userName = index % 10 === 3 ? (index % 100 === 3 ? `${ascii(first)}_${ascii(last)}` : `${ascii(first)}_${ascii(last)}_${index}`) : '';
    lines.push([email, userName, first, last, index % 3 === 0 ? 'Ventes' : 'R&D'].join(';'));
  }
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
}

function start(name, entry, env, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.benchName = name;
  return child;
}

function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return 0;
  }
}

/** How often the bench asks for the batch: often enough to time a phase to a quarter of a second. */
const POLL_MS = 250;

async function waitFor(probe, timeoutMs, what, report) {
  const deadline = Date.now() + timeoutMs;
  let reportedAt = Date.now();
  while (Date.now() < deadline) {
    if (report && Date.now() - reportedAt > 5_000) {
      reportedAt = Date.now();
      await report().catch(() => undefined);
    }
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function baseline(mongoUrl) {
  const client = await new MongoClient(mongoUrl).connect();
  const collection = client.db().collection('bench_baseline_accounts');
  await collection.createIndex({ emailNormalized: 1 }, { unique: true });
  await collection.createIndex({ accountName: 1 }, { unique: true });
  const started = process.hrtime.bigint();
  for (let index = 0; index < ROWS; index += 1000) {
    const docs = [];
    for (let offset = index; offset < Math.min(ROWS, index + 1000); offset += 1) {
      docs.push({ _id: randomUUID(), organizationId: 'o', email: `b${offset}@x.example`, emailNormalized: `b${offset}@x.example`, accountName: `baseline${offset}`, firstName: 'B', lastName: 'L', status: 'pending_activation', passwordHash: null, mustChangePassword: false, locale: 'en', batchId: 'b', createdAt: new Date(), activatedAt: null });
    }
    await collection.insertMany(docs, { ordered: false });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await collection.drop();
  await client.close();
  return { seconds: round(seconds), docsPerSecond: Math.round(ROWS / seconds) };
}

// Workers run as docker-compose.yml runs them.
const WORKER_ENV = { MEMBERS_ROLE: 'worker', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
const WORKER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=25'];

const round = (value) => Math.round(value * 100) / 100;

async function main() {
  spawnSync('bash', ['scripts/services.sh', 'up'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('build failed');
  const database = `roster_bench_${Date.now()}`;
  const mongoUrl = `mongodb://127.0.0.1:27017/${database}`;
  const env = { MONGO_URL: mongoUrl, AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672', LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '60000', GATEWAY_PORT: String(PORT), PUBLIC_URL: `http://127.0.0.1:${PORT}` };
  const file = join(tmpdir(), `roster-bench-${ROWS}.csv`);
  generateCsv(file);

  // Measured first, on an idle database, so nothing the import leaves running can slow it down.
  const raw = await baseline(mongoUrl);

  const created = spawnSync(process.execPath, ['dist/apps/members/src/cli/admin-create.js', '--organization', `Bench ${database}`, '--email', 'admin@bench.example', '--password', 'Bench-Harbor-Lamp-42'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`admin:create failed: ${created.stderr}`);

  const children = [start('members-api', 'dist/apps/members/src/main.js', { ...env, MEMBERS_ROLE: 'api' })];
  const workers = Array.from({ length: WORKERS }, (_, index) => start(`worker-${index}`, 'dist/apps/members/src/main.js', { ...env, ...WORKER_ENV }, WORKER_NODE_FLAGS));
  const gateway = start('gateway', 'dist/apps/gateway/src/main.js', env);
  children.push(...workers, gateway);
  const peak = { gateway: 0, worker: 0 };
  const sampler = setInterval(() => {
    peak.gateway = Math.max(peak.gateway, rssOf(gateway.pid));
    for (const worker of workers) peak.worker = Math.max(peak.worker, rssOf(worker.pid));
  }, 100);

  const amqp = await connect(env.AMQP_URL);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 60_000, 'the gateway');
    const login = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.example', password: 'Bench-Harbor-Lamp-42' }) })).json();
    const auth = { authorization: `Bearer ${login.accessToken}` };

    const channel = await amqp.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, 'roster.events', 'member.account.created');
    let events = 0;
    let firstEventAt = 0;
    let lastEventAt = 0;
    await channel.consume(queue, () => {
      events += 1;
      lastEventAt = Date.now();
      firstEventAt ||= lastEventAt;
    }, { noAck: true });

    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)], { type: 'text/csv' }), 'bench.csv');
    const uploadStarted = Date.now();
    const accepted = await (await fetch(`${base}/api/v1/member-batches`, { method: 'POST', headers: auth, body: form })).json();
    const uploadSeconds = (Date.now() - uploadStarted) / 1000;
    if (!accepted.id) throw new Error(`upload refused: ${JSON.stringify(accepted)}`);
    const batchOf = async () => (await fetch(`${base}/api/v1/member-batches/${accepted.id}`, { headers: auth })).json();
    const progressReport = async () => {
      const batch = await batchOf();
      process.stderr.write(`[bench] ${batch.status} ${JSON.stringify(batch.progress)} events=${events}\n`);
    };
    const ready = await waitFor(async () => {
      const batch = await batchOf();
      if (batch.status === 'failed') throw new Error(batch.failureReason);
      return batch.status === 'ready' ? batch : undefined;
    }, 3_600_000, 'validation', progressReport);
    const validationSeconds = (Date.now() - uploadStarted) / 1000 - uploadSeconds;

    const commitStarted = Date.now();
    await fetch(`${base}/api/v1/member-batches/${accepted.id}/commit`, { method: 'POST', headers: auth });
    const done = await waitFor(async () => ((await batchOf()).status === 'completed' ? batchOf() : undefined), 3_600_000, 'commit', progressReport);
    const commitSeconds = (Date.now() - commitStarted) / 1000;
    await waitFor(async () => (events >= done.counts.created ? true : undefined), 600_000, 'AccountCreated events');
    clearInterval(sampler);

    const commitRowsPerSecond = done.counts.created / commitSeconds;
    console.log(JSON.stringify({
      rows: ROWS,
      workers: WORKERS,
      counts: done.counts,
      upload: { seconds: round(uploadSeconds), rowsPerSecond: Math.round(ROWS / uploadSeconds) },
      validation: { seconds: round(validationSeconds), rowsPerSecond: Math.round(ROWS / validationSeconds), valid: ready.counts.valid, invalid: ready.counts.invalid },
      commit: { seconds: round(commitSeconds), rowsPerSecond: Math.round(commitRowsPerSecond) },
      accountCreatedEventsPerSecond: Math.round(events / Math.max(0.001, (lastEventAt - firstEventAt) / 1000)),
      eventsReceived: events,
      peakRssMb: { gateway: Math.round(peak.gateway), worker: Math.round(peak.worker) },
      baselineInsertMany: raw,
      commitVsBaseline: round(commitRowsPerSecond / raw.docsPerSecond),
    }, null, 2));
  } finally {
    clearInterval(sampler);
    await amqp.close().catch(() => undefined);
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const client = await new MongoClient(mongoUrl).connect();
    await client.db().dropDatabase();
    await client.close();
    rmSync(file, { force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
