// The backends `npm run test:faults` owns, so that it can stop and restart them while tests and
// benchmarks on this machine keep the shared ones (RabbitMQ on 5672, FerretDB on 27017):
//
// - its own RabbitMQ node (`roster-faults@localhost`, no plugin), data and logs under
//   var/faults/rabbitmq, started with Debian's `rabbitmq-server -detached` (which runs it as the
//   rabbitmq user, as services.sh's shared node) and driven with `rabbitmqctl -n <node>` only;
// - its own PostgreSQL cluster (FerretDB's default backend) and its own FerretDB on it, so that
//   "the database restarted" is PostgreSQL's own restart, which the shared PostgreSQL (5433) must
//   never get. (FerretDB on SQLite would make a FerretDB restart a database restart too, but it
//   reads a whole collection for any look-up, even by `_id`, and the retries the faults cause read
//   by `_id`: the run then measured SQLite's slowness, not the faults.)
//
// Each start of a run begins from empty data; a restart keeps it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect as connectSocket } from 'node:net';
import { join } from 'node:path';
import { asRoot, sleep } from './roster-processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const FAULTS_DIR = join(root, 'var', 'faults');

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connectSocket({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port, open, seconds, what) {
  for (let tries = 0; tries < seconds * 4; tries += 1) {
    if ((await portOpen(port)) === open) return;
    await sleep(250);
  }
  throw new Error(`${what} did not ${open ? 'open' : 'close'} port ${port} within ${seconds}s`);
}

export class FaultRabbitMq {
  constructor({ port, distPort, nodeName = 'roster-faults@localhost' }) {
    this.port = port;
    this.nodeName = nodeName;
    this.dir = join(FAULTS_DIR, 'rabbitmq');
    this.env = {
      RABBITMQ_NODENAME: nodeName,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_PID_FILE: join(this.dir, 'rabbitmq.pid'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
    };
  }

  get url() {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  ctl(...args) {
    return asRoot('rabbitmqctl', ['-n', this.nodeName, ...args], { timeoutMs: 120_000 });
  }

  /**
   * Roster's broker users as scripts/rabbitmq-users.tsv defines them (the file services.sh reads),
   * each with a random password for this run: answers user → URL, or {} without the file (every
   * service then connects as guest).
   */
  addServiceUsers() {
    const file = join(root, 'scripts', 'rabbitmq-users.tsv');
    if (!existsSync(file)) return {};
    const urls = {};
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [user, , configure, write, read] = line.split('\t');
      const password = randomBytes(24).toString('hex');
      asRoot('rabbitmqctl', ['-n', this.nodeName, '-q', 'add_user', user], { input: `${password}\n` });
      this.ctl('-q', 'set_permissions', '-p', '/', user, configure, write, read);
      urls[user] = `amqp://${user}:${password}@127.0.0.1:${this.port}`;
    }
    return urls;
  }

  running() {
    try {
      this.ctl('-q', 'ping');
      return true;
    } catch {
      return false;
    }
  }

  /** A fresh node: a node of an earlier run that was not stopped is stopped, and its data removed. */
  async startFresh() {
    if (this.running()) this.ctl('stop', this.env.RABBITMQ_PID_FILE);
    if (await portOpen(this.port)) throw new Error(`something else listens on 127.0.0.1:${this.port}: pass --amqp-port`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(join(this.dir, 'mnesia'), { recursive: true });
    mkdirSync(join(this.dir, 'log'), { recursive: true });
    writeFileSync(this.env.RABBITMQ_ENABLED_PLUGINS_FILE, '[].\n');
    asRoot('chown', ['-R', 'rabbitmq:rabbitmq', this.dir]);
    await this.start();
  }

  async start() {
    asRoot('rabbitmq-server', ['-detached'], { env: this.env });
    this.ctl('wait', this.env.RABBITMQ_PID_FILE, '--timeout', '90');
    await waitForPort(this.port, true, 60, `RabbitMQ node ${this.nodeName}`);
  }

  /** Stops the whole node (not only its application) and waits until its process has ended. */
  async stop() {
    this.ctl('stop', this.env.RABBITMQ_PID_FILE);
    await waitForPort(this.port, false, 30, `RabbitMQ node ${this.nodeName}`);
  }

  /** Lines of `name<TAB>messages` (ready and unacked) for every queue. */
  queueDepths() {
    return this.ctl('-q', 'list_queues', '--no-table-headers', 'name', 'messages')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'))
      .map(([name, messages]) => ({ name, messages: Number(messages) }));
  }

  bindings() {
    return this.ctl('-q', 'list_bindings', '--no-table-headers', 'source_name', 'destination_name', 'routing_key');
  }
}

/** The newest PostgreSQL installed from Debian, e.g. /usr/lib/postgresql/15/bin (as services.sh picks it). */
function postgresBin() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((version) => existsSync(`/usr/lib/postgresql/${version}/bin/pg_ctl`)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: run `npm run services:up` once (it installs it)');
  return `/usr/lib/postgresql/${versions.sort((a, b) => Number(a) - Number(b)).pop()}/bin`;
}

/** PostgreSQL refuses to run as root: its commands run as the postgres user, from / (the checkout may be closed to it). */
const asPostgres = (command, args, options = {}) => asRoot('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/', ...options });

/**
 * A PostgreSQL cluster of its own (FerretDB's default backend, as services.sh runs it) on its own
 * port, under var/faults/postgres, or under the system's temporary directory when the postgres
 * user cannot reach the checkout.
 */
export class FaultPostgres {
  constructor({ port }) {
    this.port = port;
    this.bin = postgresBin();
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/ferretdb?pool_max_conns=200`;
  }

  async startFresh() {
    // A cluster an earlier run left running (it was killed) is stopped first.
    for (const dir of [join(FAULTS_DIR, 'postgres'), join(tmpdir(), 'roster-faults-postgres')]) {
      if (!existsSync(join(dir, 'data', 'postmaster.pid'))) continue;
      try {
        asPostgres(`${this.bin}/pg_ctl`, ['-D', join(dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop'], { timeoutMs: 90_000 });
      } catch {
        // not running
      }
    }
    if (await portOpen(this.port)) throw new Error(`something else listens on 127.0.0.1:${this.port}: pass --postgres-port`);
    this.dir = join(FAULTS_DIR, 'postgres');
    let reachable = false;
    for (const dir of [this.dir, join(tmpdir(), 'roster-faults-postgres')]) {
      asRoot('rm', ['-rf', dir]);
      mkdirSync(dir, { recursive: true });
      asRoot('chown', ['postgres:postgres', dir]);
      try {
        asPostgres('test', ['-w', dir]);
        this.dir = dir;
        reachable = true;
        break;
      } catch {
        asRoot('rm', ['-rf', dir]);
      }
    }
    if (!reachable) throw new Error('the postgres user can reach neither var/faults nor the temporary directory');
    asPostgres(`${this.bin}/initdb`, ['-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    await this.start();
    asPostgres(`${this.bin}/createdb`, ['-h', '127.0.0.1', '-p', String(this.port), 'ferretdb']);
    // As services.sh does: GIN companions of FerretDB's indexes (see the file).
    const companions = readFileSync(join(root, 'scripts', 'ferretdb-postgresql-indexes.sql'), 'utf8');
    asPostgres(`${this.bin}/psql`, ['-h', '127.0.0.1', '-p', String(this.port), '-d', 'ferretdb', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'SET client_min_messages = warning', '-f', '-'], { input: companions });
  }

  async start() {
    // As services.sh starts the shared one: FerretDB holds up to pool_max_conns=200 connections.
    asPostgres(`${this.bin}/pg_ctl`, ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=250`, 'start'], { timeoutMs: 90_000 });
  }

  /** A fast shutdown, as an operator's restart: open transactions are rolled back, connections closed. */
  async stop() {
    asPostgres(`${this.bin}/pg_ctl`, ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop'], { timeoutMs: 90_000 });
  }

  running() {
    try {
      asPostgres(`${this.bin}/pg_ctl`, ['-D', join(this.dir, 'data'), 'status']);
      return true;
    } catch {
      return false;
    }
  }
}

/** FerretDB (var/bin/ferretdb, which services.sh builds) on the fault run's PostgreSQL. */
export class FaultFerretDb {
  constructor({ port, postgres, processes }) {
    this.port = port;
    this.postgres = postgres;
    this.processes = processes;
    this.dir = join(FAULTS_DIR, 'ferretdb');
    this.binary = join(root, 'var', 'bin', 'ferretdb');
  }

  get url() {
    return `mongodb://127.0.0.1:${this.port}/roster_faults`;
  }

  async startFresh() {
    if (!existsSync(this.binary)) throw new Error('var/bin/ferretdb is missing: run `npm run services:up` once (it builds FerretDB)');
    if (await portOpen(this.port)) throw new Error(`something else listens on 127.0.0.1:${this.port}: pass --mongo-port`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    const log = openSync(join(this.processes.logDir, 'ferretdb.log'), 'a');
    const child = spawn(this.binary, [
      '--handler=postgresql',
      `--postgresql-url=${this.postgres.url}`,
      `--state-dir=${this.dir}`,
      `--listen-addr=127.0.0.1:${this.port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      '--log-format=json',
    ], { stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = this.processes.watch('ferretdb', child);
    await waitForPort(this.port, true, 30, 'FerretDB');
  }

  async stop() {
    if (this.child && !this.child.exited) await this.processes.kill(this.child, 'SIGTERM');
  }
}
