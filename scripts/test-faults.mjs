// `npm run test:faults [-- --rows 1000] [--only name,…] [--no-build]`: the fault run. Against
// real services (the built apps, started as package.json's start:* scripts start them) on
// backends of its own (scripts/fault-backends.mjs), it imports one batch per fault, injects the
// fault while the batch is at the step it names, and checks what an operator is promised:
// every member created once, every AccountCreated event delivered, every welcome mail delivered,
// and no mail sent twice for one member except in the window the README documents (the
// notifications service stopped after the SMTP server accepted a mail and before its record).
// Prints a table per fault and exits 1 when a guarantee is broken (or a fault missed its step).
// Logs of every service and backend are kept under var/log/faults/<run>/.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { FaultFerretDb, FaultPostgres, FaultRabbitMq } from './fault-backends.mjs';
import { createAdmin, fetchJson, ServiceProcesses, sleep, SmtpSink, waitForServices, waitUntil } from './roster-processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const FAULTS = ['rabbitmq-restart-commit', 'worker-kill-validation', 'worker-kill-commit', 'notifications-kill-mail', 'smtp-down-60s', 'database-restart-commit'];
const { values } = parseArgs({
  allowNegative: true,
  options: {
    rows: { type: 'string', default: '1000' },
    only: { type: 'string' },
    build: { type: 'boolean', default: true },
    port: { type: 'string', default: '3991' },
    'amqp-port': { type: 'string', default: '5682' },
    'amqp-dist-port': { type: 'string', default: '25682' },
    'mongo-port': { type: 'string', default: '27027' },
    'postgres-port': { type: 'string', default: '5443' },
    'smtp-down-seconds': { type: 'string', default: '60' },
  },
});
const ROWS = Number(values.rows);
const ONLY = values.only ? values.only.split(',') : FAULTS;
const PORT = Number(values.port);
const SMTP_DOWN_MS = Number(values['smtp-down-seconds']) * 1000;
if (!(ROWS >= 500) || ONLY.some((name) => !FAULTS.includes(name)) || !(SMTP_DOWN_MS > 0)) {
  console.error(`usage: npm run test:faults -- [--rows N (at least 500)] [--only ${FAULTS.join(',')}] [--no-build] [--smtp-down-seconds S]`);
  process.exit(2);
}

const RUN = Date.now();
const LOG_DIR = join(root, 'var', 'log', 'faults', String(RUN));
const POLL_MS = 100;
/** Long enough for the slowest recovery here: a mail waits out a dead sender's claim, then a retry delay. */
const SETTLE_MS = 240_000;
/** The claim of a killed notifications service is taken over after this (the default, two minutes, would only make the run longer). */
const MAIL_CLAIM_LEASE_MS = 10_000;
const ADMIN = { organization: `Faults ${RUN}`, email: 'admin@faults-admin.example', password: 'Faults-Harbor-Lamp-42' };

const say = (line) => process.stderr.write(`[faults ${((Date.now() - RUN) / 1000).toFixed(0)}s] ${line}\n`);
const processes = new ServiceProcesses(LOG_DIR);
const wait = (probe, timeoutMs, what, options = {}) => waitUntil(processes, probe, timeoutMs, what, { say, everyMs: POLL_MS, ...options });

// ---------------------------------------------------------------------------------------------
// What a subscriber sees: AccountCreated on a durable queue of its own, consumed again after the
// broker restarts (named as the README's subscribers may name theirs)

const SUBSCRIBER_QUEUE = 'subscriber.faults-account-created';

class EventSubscriber {
  byMember = new Map(); // memberId → Set of event ids
  deliveries = new Map(); // memberId → deliveries
  byBatch = new Map(); // batchId → Set of memberIds
  closed = false;

  constructor(url) {
    this.url = url;
  }

  async start() {
    await this.connect();
  }

  async connect() {
    const connection = await connect(this.url, { timeout: 5_000 });
    connection.on('error', () => undefined);
    connection.once('close', () => {
      if (!this.closed) void this.reconnect();
    });
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await channel.checkExchange('roster.events');
    await channel.assertQueue(SUBSCRIBER_QUEUE, { durable: true });
    await channel.bindQueue(SUBSCRIBER_QUEUE, 'roster.events', 'member.account.created');
    await channel.prefetch(500);
    await channel.consume(SUBSCRIBER_QUEUE, (message) => {
      if (!message) return;
      try {
        const event = JSON.parse(message.content.toString('utf8'));
        const memberId = event.data?.memberId;
        if (memberId) {
          if (!this.byMember.has(memberId)) this.byMember.set(memberId, new Set());
          this.byMember.get(memberId).add(event.id);
          this.deliveries.set(memberId, (this.deliveries.get(memberId) ?? 0) + 1);
          if (!this.byBatch.has(event.data.batchId)) this.byBatch.set(event.data.batchId, new Set());
          this.byBatch.get(event.data.batchId).add(memberId);
        }
      } catch {
        // not an event: ignored
      }
      channel.ack(message);
    });
    this.connection = connection;
  }

  async reconnect() {
    while (!this.closed) {
      await sleep(500);
      try {
        await this.connect();
        return;
      } catch {
        // the broker is still down
      }
    }
  }

  async stop() {
    this.closed = true;
    await this.connection?.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// One fault: a batch of its own, the fault injected at its step, then what came out of it

const memberEmail = (fault, index) => `m${index}@${fault}.faults.example`;

function csvOf(fault) {
  const lines = ['Email,First name,Last name'];
  for (let index = 0; index < ROWS; index += 1) lines.push(`${memberEmail(fault, index)},Member,Number${index}`);
  return `${lines.join('\r\n')}\r\n`;
}

class FaultRun {
  constructor(context, name) {
    this.context = context;
    this.name = name;
    this.domain = `@${name}.faults.example`;
    this.hit = undefined; // what the fault interrupted, once injected
  }

  async batch() {
    const { status, body } = await fetchJson(`${this.context.base}/api/v1/member-batches/${this.batchId}`, { headers: this.context.auth }, 10_000);
    if (status !== 200) throw new Error(`GET batch answered ${status}`);
    if (body.status === 'failed') processes.crashes.push(`batch of ${this.name} failed: ${body.failureReason}`);
    return body;
  }

  /** The batch as stored, read from the database (the gateway needs the broker to answer). */
  async storedBatch() {
    return this.context.db.collection('member_batches').findOne({ _id: this.batchId });
  }

  mailsTo() {
    return this.context.sink.mails.filter((mail) => mail.to.endsWith(this.domain));
  }

  deliveredCount() {
    return new Set(this.mailsTo().map((mail) => mail.to)).size;
  }

  async upload() {
    const form = new FormData();
    form.append('file', new Blob([csvOf(this.name)], { type: 'text/csv' }), `${this.name}.csv`);
    const { status, body } = await fetchJson(`${this.context.base}/api/v1/member-batches`, { method: 'POST', headers: this.context.auth, body: form });
    if (!body?.id) throw new Error(`upload answered ${status}: ${JSON.stringify(body)}`);
    this.batchId = body.id;
  }

  async untilStatus(wanted, timeoutMs) {
    return wait(async () => {
      const batch = await this.batch();
      return batch.status === wanted ? batch : undefined;
    }, timeoutMs, `the batch of ${this.name} to be ${wanted}`);
  }

  async commit() {
    const { status, body } = await fetchJson(`${this.context.base}/api/v1/member-batches/${this.batchId}/commit`, { method: 'POST', headers: this.context.auth });
    if (status !== 202) throw new Error(`commit answered ${status}: ${JSON.stringify(body)}`);
  }

  /** Members of this batch whose AccountCreated reached the subscriber. */
  receivedCount() {
    return this.context.subscriber.byBatch.get(this.batchId)?.size ?? 0;
  }

  /**
   * Once the step is under way and not over, read from the database every 20 ms by plain equality
   * (which FerretDB hands to PostgreSQL): some of the batch's rows validated and not all, or some
   * of its accounts inserted and not all. Answers `{ done, of, unit }`, or `{ missed: true }` when
   * the step was over before it was seen.
   */
  async untilUnderWay(step) {
    const [collection, unit] = step === 'validating' ? ['batch_rows', 'rows validated'] : ['accounts', 'accounts inserted'];
    return wait(async () => {
      const count = await this.context.db.collection(collection).countDocuments({ batchId: this.batchId });
      if (count > 0 && count < ROWS) return { done: count, of: ROWS, unit };
      return count >= ROWS ? { missed: true } : undefined;
    }, 120_000, `the ${step} of ${this.name} to be under way`, { everyMs: 20 });
  }

  /** Until the broker holds no message, nothing waits in the outbox, and every event and mail is in (or SETTLE_MS passed). */
  async settle() {
    const { broker, db } = this.context;
    let quietSince;
    await wait(async () => {
      const busy = broker.queueDepths().filter((queue) => queue.messages > 0);
      const outbox = await db.collection('account_events_outbox').countDocuments({});
      const created = (await this.storedBatch())?.counts?.created ?? 0;
      const allThere = this.deliveredCount() >= created && this.receivedCount() >= created;
      if (busy.length > 0 || outbox > 0 || !allThere) {
        quietSince = undefined;
        return undefined;
      }
      quietSince ??= Date.now();
      // Twice in a row, a second apart: nothing on its way between two looks.
      return Date.now() - quietSince >= 1_000 ? true : undefined;
    }, SETTLE_MS, `${this.name} to settle (no message left on the broker, outbox empty, every event and mail delivered)`, { everyMs: 500, soft: true });
    await this.context.sink.flush();
  }

  /** The accounts of this fault's members, by their address's domain (whatever batch made them). */
  accounts() {
    return this.context.db.collection('accounts').find({ emailNormalized: { $regex: `${this.domain.replace(/\./g, '\\.')}$` } }, { projection: { _id: 1, emailNormalized: 1 } }).toArray();
  }

  async outcome(seconds) {
    const { subscriber } = this.context;
    const accounts = await this.accounts();
    const batch = await this.storedBatch();
    const emails = new Set(accounts.map((account) => account.emailNormalized));
    const eventIds = accounts.reduce((sum, account) => sum + (subscriber.byMember.get(account._id)?.size ?? 0), 0);
    const received = accounts.filter((account) => subscriber.byMember.has(account._id)).length;
    const redelivered = accounts.reduce((sum, account) => sum + Math.max(0, (subscriber.deliveries.get(account._id) ?? 0) - 1), 0);
    const byRecipient = new Map();
    for (const mail of this.mailsTo()) {
      if (!byRecipient.has(mail.to)) byRecipient.set(mail.to, []);
      byRecipient.get(mail.to).push(mail.t);
    }
    const memberByEmail = new Map(accounts.map((account) => [account.emailNormalized, account._id]));
    /** The member's mail was accepted before the kill and not yet recorded: the window "One mail per event" documents. */
    const unrecordedAtKill = (to) =>
      this.recordedAtKill !== undefined && [...(subscriber.byMember.get(memberByEmail.get(to.toLowerCase())) ?? [])].some((eventId) => !this.recordedAtKill.has(eventId));
    let inWindow = 0;
    let outside = 0;
    for (const [to, times] of byRecipient) {
      for (const repeatAt of times.slice(1)) {
        const documented = times[0] <= this.notificationsKilledAt && repeatAt > this.notificationsKilledAt && unrecordedAtKill(to);
        if (documented) inWindow += 1;
        else {
          outside += 1;
          const since = (at) => (this.notificationsKilledAt === undefined ? `${at}` : `${at - this.notificationsKilledAt} ms after the kill`);
          say(`${this.name}: ${to} mailed again at ${since(repeatAt)}, first at ${since(times[0])}${this.recordedAtKill ? `, recorded as sent at the kill: ${!unrecordedAtKill(to)}` : ''}`);
        }
      }
    }
    const strangers = [...byRecipient.keys()].filter((to) => !emails.has(to)).length;
    const row = {
      fault: this.name,
      hit: this.hit ?? 'missed',
      membersExpected: ROWS,
      membersCreated: accounts.length,
      createdTwice: accounts.length - emails.size + Math.max(0, (batch?.counts?.created ?? 0) - accounts.length),
      batchCounts: batch?.counts,
      eventsPublished: eventIds,
      eventsReceived: received,
      eventsRedelivered: redelivered,
      mailsExpected: accounts.length,
      mailsDelivered: [...byRecipient.keys()].filter((to) => emails.has(to)).length,
      duplicatesInWindow: inWindow,
      duplicatesOutside: outside + strangers,
      seconds,
    };
    row.broken = [
      !this.hit && 'the fault missed the step it names',
      row.membersCreated !== ROWS && `${ROWS - row.membersCreated} member(s) lost`,
      row.createdTwice > 0 && `${row.createdTwice} member(s) created twice`,
      (batch?.counts?.created !== ROWS || batch?.counts?.failed !== 0) && `batch counts ${JSON.stringify(batch?.counts)}`,
      row.eventsReceived !== row.membersCreated && `${row.membersCreated - row.eventsReceived} AccountCreated event(s) never delivered`,
      row.eventsPublished !== row.eventsReceived && `${row.eventsPublished - row.eventsReceived} member(s) with AccountCreated under more than one event id`,
      row.mailsDelivered !== row.mailsExpected && `${row.mailsExpected - row.mailsDelivered} welcome mail(s) never delivered`,
      row.duplicatesOutside > 0 && `${row.duplicatesOutside} mail(s) sent twice outside the documented window`,
    ].filter(Boolean);
    return row;
  }
}

// ---------------------------------------------------------------------------------------------
// The faults

/** Uploads the batch, waits until it is ready and commits it. */
async function commitBatch(run) {
  await run.upload();
  await run.untilStatus('ready', 180_000);
  await run.commit();
}

/** Runs `inject` once `step` is under way (some rows validated or accounts inserted, not all). */
async function strikeDuring(run, step, what, inject) {
  const underWay = await run.untilUnderWay(step);
  if (underWay.missed) return;
  run.hit = `${step === 'validating' ? 'validation' : 'commit'}, ${underWay.done}/${underWay.of} ${underWay.unit}`;
  say(`${run.name}: ${what} at ${underWay.done}/${underWay.of} ${underWay.unit}`);
  await inject();
}

/** Runs `inject` once `share` of the batch's welcome mails are delivered. */
async function strikeWhileMailing(run, share, inject) {
  await wait(async () => run.deliveredCount() >= ROWS * share || undefined, 180_000, `${share * 100}% of the mails of ${run.name}`);
  await inject();
  await run.context.sink.flush();
  const delivered = run.deliveredCount();
  if (delivered < ROWS) run.hit = `mail, ${delivered}/${ROWS} delivered`;
}

const DOWN_MS = 5_000;

/** A backend (`stop`, `start`) down for DOWN_MS once the commit is under way. */
async function restartDuringCommit(run, backend, what) {
  await commitBatch(run);
  await strikeDuring(run, 'committing', `${what} stopped`, async () => {
    await backend.stop();
    await sleep(DOWN_MS);
    await backend.start();
  });
  await run.untilStatus('completed', 180_000);
}

const faults = {
  /** The whole node stopped and started again while the batch is committed. */
  'rabbitmq-restart-commit': (run, { broker }) => restartDuringCommit(run, broker, 'RabbitMQ'),

  async 'worker-kill-validation'(run, context) {
    await run.upload();
    await strikeDuring(run, 'validating', 'worker SIGKILLed', async () => {
      await context.killWorker();
      context.startWorker();
    });
    await run.untilStatus('ready', 180_000);
    await run.commit();
    await run.untilStatus('completed', 180_000);
  },

  async 'worker-kill-commit'(run, context) {
    await commitBatch(run);
    await strikeDuring(run, 'committing', 'worker SIGKILLed', async () => {
      await context.killWorker();
      context.startWorker();
    });
    await run.untilStatus('completed', 180_000);
  },

  async 'notifications-kill-mail'(run, context) {
    await commitBatch(run);
    await strikeWhileMailing(run, 0.2, async () => {
      await context.killNotifications();
      // Taken once the process has exited: a mail the sink accepted up to its last moment is in the window.
      run.notificationsKilledAt = Date.now();
      // What the killed service had recorded as sent: only a mail accepted but not recorded may go out again.
      run.recordedAtKill = new Set((await context.db.collection('sent_notifications').find({}, { projection: { _id: 1 } }).toArray()).map((outcome) => outcome._id));
      context.startNotifications();
    });
  },

  async 'smtp-down-60s'(run, { sink }) {
    await commitBatch(run);
    await strikeWhileMailing(run, 0.1, () => sink.stop());
    say(`${run.name}: SMTP server down for ${SMTP_DOWN_MS / 1000} s at ${run.deliveredCount()}/${ROWS} mails`);
    await sleep(SMTP_DOWN_MS);
    await sink.start();
    say(`${run.name}: SMTP server back on port ${sink.port}`);
  },

  /** PostgreSQL, under FerretDB, stopped and started again while the batch is committed. */
  'database-restart-commit': (run, { postgres }) => restartDuringCommit(run, postgres, 'the database'),
};

// ---------------------------------------------------------------------------------------------
// The table

function printTable(rows) {
  const header = ['Fault', 'Hit during', 'Members expected', 'created', 'twice', 'Events published', 'received', 'Mails expected', 'delivered', 'Duplicates in window', 'outside', 'Seconds', 'Verdict'];
  const lines = rows.map((row) => [
    row.fault,
    row.hit,
    row.membersExpected,
    row.membersCreated,
    row.createdTwice,
    row.eventsPublished,
    row.eventsReceived,
    row.mailsExpected,
    row.mailsDelivered,
    row.duplicatesInWindow,
    row.duplicatesOutside,
    row.seconds,
    row.broken.length === 0 ? 'ok' : 'BROKEN',
  ].map(String));
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  for (const row of rows) {
    if (row.eventsRedelivered > 0) console.log(`${row.fault}: ${row.eventsRedelivered} AccountCreated event(s) delivered again to the subscriber (at least once; same ids)`);
    for (const problem of row.broken) console.log(`${row.fault}: BROKEN: ${problem}`);
  }
}

// ---------------------------------------------------------------------------------------------

const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        say(`cleanup: ${step.what}: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

async function main() {
  mkdirSync(LOG_DIR, { recursive: true });
  if (values.build) {
    say('building');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    if (build.status !== 0) throw new Error('build failed');
  }
  const broker = new FaultRabbitMq({ port: Number(values['amqp-port']), distPort: Number(values['amqp-dist-port']) });
  const postgres = new FaultPostgres({ port: Number(values['postgres-port']) });
  const ferretdb = new FaultFerretDb({ port: Number(values['mongo-port']), postgres, processes });
  say(`starting RabbitMQ node ${broker.nodeName} on 127.0.0.1:${broker.port}, PostgreSQL on 127.0.0.1:${postgres.port} and FerretDB on 127.0.0.1:${ferretdb.port}; logs in ${LOG_DIR}`);
  cleanups.push({ what: 'stop RabbitMQ', run: async () => broker.running() && broker.stop() });
  cleanups.push({ what: 'stop PostgreSQL', run: async () => postgres.dir && postgres.running() && postgres.stop() });
  cleanups.push({ what: 'stop FerretDB', run: () => ferretdb.stop() });
  // The broker and the database start side by side: each takes seconds of waiting.
  await Promise.all([broker.startFresh(), postgres.startFresh().then(() => ferretdb.startFresh())]);
  const users = broker.addServiceUsers();
  cleanups.push({ what: 'stop the services', run: () => processes.stopAll() });

  const sink = new SmtpSink(processes);
  await sink.start();
  const env = {
    MONGO_URL: ferretdb.url,
    AMQP_URL: broker.url,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    LOG_LEVEL: 'log',
    GATEWAY_PORT: String(PORT),
    JWT_SECRET: randomBytes(48).toString('base64'),
    PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    MAIL_CLAIM_LEASE_MS: String(MAIL_CLAIM_LEASE_MS),
  };
  createAdmin(env, ADMIN);
  // Each service as its own broker user when the project defines them (scripts/rabbitmq-users.tsv).
  const as = (user) => ({ ...env, AMQP_URL: users[user] ?? broker.url });

  let worker;
  let workers = 0;
  let notifications;
  const startWorker = () => {
    workers += 1;
    worker = processes.startNode(`worker-${workers}`, 'start:worker', as('roster-members'));
  };
  let notificationsStarts = 0;
  const startNotificationsProcess = () => {
    notificationsStarts += 1;
    notifications = processes.startNode(`notifications-${notificationsStarts}`, 'start:notifications', as('roster-notifications'));
  };
  processes.startNode('members-api', 'start:members', as('roster-members'));
  startWorker();
  startNotificationsProcess();
  processes.startNode('gateway', 'start:gateway', as('roster-gateway'));

  const channelModel = await connect(broker.url, { timeout: 10_000 });
  channelModel.on('error', () => undefined);
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServices(processes, { base, channelModel, workers: 1, say, listBindings: () => broker.bindings() });
  await channelModel.close().catch(() => undefined);
  say('services ready');

  const mongo = await new MongoClient(ferretdb.url, { serverSelectionTimeoutMS: 30_000 }).connect();
  cleanups.push({ what: 'close the database client', run: () => mongo.close() });
  const subscriber = new EventSubscriber(users['roster-events'] ?? broker.url);
  await subscriber.start();
  cleanups.push({ what: 'stop the subscriber', run: () => subscriber.stop() });

  const login = await fetchJson(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
  if (!login.body?.accessToken) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);

  const context = {
    base,
    auth: { authorization: `Bearer ${login.body.accessToken}` },
    broker,
    postgres,
    sink,
    subscriber,
    db: mongo.db(),
    startWorker,
    killWorker: () => processes.kill(worker, 'SIGKILL'),
    killNotifications: () => processes.kill(notifications, 'SIGKILL'),
    startNotifications: startNotificationsProcess,
  };

  const rows = [];
  for (const name of ONLY) {
    say(`${name}: ${ROWS} rows`);
    const run = new FaultRun(context, name);
    const started = Date.now();
    let failure;
    try {
      await faults[name](run, context);
      await run.settle();
    } catch (error) {
      // A batch that never finishes, a service that crashed: counted as it stands, and the run stops there.
      failure = error.message;
    }
    const row = await run.outcome(Math.round((Date.now() - started) / 1000));
    if (failure) row.broken.unshift(failure);
    say(`${name}: ${row.broken.length === 0 ? 'ok' : `BROKEN (${row.broken.join('; ')})`}`);
    rows.push(row);
    if (failure) break;
  }
  printTable(rows);
  return rows.every((row) => row.broken.length === 0);
}

process.on('uncaughtException', (error) => {
  console.error(error);
  void cleanup().finally(() => process.exit(1));
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    say(`${signal}: stopping the services and backends`);
    void cleanup().finally(() => process.exit(code));
  });
}

let exitCode = 1;
try {
  exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(exitCode);
