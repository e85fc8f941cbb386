// What the scripts that run Roster for real share (`npm run bench:import`, `npm run test:faults`):
// the built services started as package.json's start:* scripts start them, watched and stopped;
// an SMTP sink in its own process (scripts/bench-smtp-sink.mjs) that can be stopped and started
// again on the same port; waits that give up on a crashed service; and the readiness check that
// every service consumes what it must before a job starts.
import { fork, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { serviceCommand } from './service-commands.mjs';

const root = new URL('..', import.meta.url).pathname;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${what}`)), ms);
    }),
  ]);
}

/** Runs a command as root (through sudo when this process is not), and answers its output. */
export function asRoot(command, args, { timeoutMs = 60_000, env, input, cwd } = {}) {
  const envArgs = env ? Object.entries(env).map(([name, value]) => `${name}=${value}`) : [];
  const [file, argv] = process.getuid?.() === 0 ? (env ? ['env', [...envArgs, command, ...args]] : [command, args]) : ['sudo', [...(env ? ['env', ...envArgs] : []), command, ...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: timeoutMs, input, cwd });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? (result.stderr.trim() || result.stdout.trim())}`);
  return result.stdout;
}

export async function fetchJson(url, init = {}, timeoutMs = 60_000) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/**
 * The processes a script started: each one's output goes to `<logDir>/<name>.log`, and one that
 * exits unasked is a crash, which `checkAlive` (and so every `waitUntil`) reports.
 */
export class ServiceProcesses {
  children = [];
  crashes = [];
  stopping = false;

  constructor(logDir) {
    this.logDir = logDir;
  }

  /** A service as `npm run <script>` starts it (the members API alone for start:members); `extraNodeFlags` for measuring it (`--inspect`). */
  startNode(name, script, env, extraNodeFlags = []) {
    const command = serviceCommand(script);
    const log = openSync(join(this.logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, [...command.nodeFlags, ...extraNodeFlags, command.entry], {
      cwd: root,
      env: { ...process.env, ...env, ...command.env, ...(script === 'start:members' ? { MEMBERS_ROLE: 'api' } : {}) },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    return this.watch(name, child);
  }

  watch(name, child) {
    child.serviceName = name;
    child.on('exit', (code, signal) => {
      child.exited = true;
      if (!this.stopping && !child.exitExpected) this.crashes.push(`${name} exited (${signal ?? `code ${code}`}); see ${join(this.logDir, `${name}.log`)}`);
    });
    this.children.push(child);
    return child;
  }

  checkAlive() {
    if (this.crashes.length > 0) throw new Error(this.crashes.join('; '));
  }

  /** Sends `signal` to one process, which is then expected to exit, and waits until it has. */
  async kill(child, signal = 'SIGKILL') {
    child.exitExpected = true;
    if (child.exited || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await withTimeout(exited, 15_000, `${child.serviceName} to exit on ${signal}`);
  }

  async stopAll() {
    this.stopping = true;
    const running = this.children.filter((child) => !child.exited && child.exitCode === null);
    const exited = (child) => new Promise((resolve) => (child.exited || child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    for (const child of running) child.kill('SIGTERM');
    await Promise.race([Promise.all(running.map(exited)), sleep(10_000)]);
    for (const child of running) {
      if (!child.exited && child.exitCode === null) {
        process.stderr.write(`${child.serviceName} did not stop on SIGTERM within 10 s: SIGKILL\n`);
        child.kill('SIGKILL');
      }
    }
    await Promise.race([Promise.all(running.map(exited)), sleep(5_000)]);
  }
}

/**
 * The SMTP sink (its own process) and every mail it accepted, `{ t, to, bytes }`, in order. `stop`
 * closes it as a server going down would (mails already accepted are counted); `start` again
 * listens on the same port.
 */
export class SmtpSink {
  mails = [];
  listeners = new Set();

  constructor(processes) {
    this.processes = processes;
  }

  async start() {
    const log = openSync(join(this.processes.logDir, 'sink.log'), 'a');
    const env = { ...process.env, ...(this.port ? { SINK_PORT: String(this.port) } : {}) };
    this.child = this.processes.watch('sink', fork(join(root, 'scripts', 'bench-smtp-sink.mjs'), [], { cwd: root, env, execArgv: [], stdio: ['ignore', log, log, 'ipc'] }));
    closeSync(log);
    this.child.on('message', (message) => {
      if (message.type === 'accepted') {
        for (const [t, to, bytes] of message.mails) this.mails.push({ t, to, bytes });
        for (const listener of this.listeners) listener();
      }
      if (message.type === 'flushed') this.flushed?.();
    });
    this.port = await withTimeout(
      new Promise((resolve) => this.child.on('message', (message) => message.type === 'listening' && resolve(message.port))),
      15_000,
      'the SMTP sink to listen',
    );
  }

  /** Refuses connections from now on, counts what it accepted, and exits. */
  async stop() {
    const child = this.child;
    child.exitExpected = true;
    const exited = new Promise((resolve) => (child.exited ? resolve() : child.once('exit', resolve)));
    child.send({ type: 'stop' });
    await withTimeout(exited, 15_000, 'the SMTP sink to stop');
  }

  /** Resolves once every mail the sink accepted so far has reached this process (a stopped sink sent them as it stopped). */
  flush() {
    if (this.child.exited) return Promise.resolve();
    return withTimeout(
      new Promise((resolve) => {
        this.flushed = resolve;
        this.child.send({ type: 'flush' });
      }),
      10_000,
      'the SMTP sink to flush',
    );
  }

  onMail(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Polls `probe` until it answers something other than undefined or false; a crashed service ends the wait. */
export async function waitUntil(processes, probe, timeoutMs, what, { soft = false, everyMs = 250, say = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    processes.checkAlive();
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    await sleep(everyMs);
  }
  if (soft) {
    say(`warning: gave up waiting for ${what} after ${timeoutMs / 1000}s; going on`);
    return undefined;
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

export async function queueConsumers(channelModel, queue) {
  const channel = await channelModel.createChannel();
  channel.on('error', () => undefined); // a missing queue closes the channel with 404
  try {
    return (await channel.checkQueue(queue)).consumerCount;
  } catch {
    return 0;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/**
 * Queues bound to roster.events for AccountCreated (the notifications service's), whatever their
 * names, from `rabbitmqctl list_bindings` output (`source destination routing_key` lines).
 */
export function accountCreatedQueues(bindings) {
  return bindings
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([source, destination, key]) => source === 'roster.events' && key === 'member.account.created' && destination && !destination.startsWith('amq.gen-'))
    .map(([, destination]) => destination);
}

/** Until the gateway answers, `workers` workers consume batch work and the notifications service consumes AccountCreated. */
export async function waitForServices(processes, { base, channelModel, workers, listBindings, say }) {
  await waitUntil(processes, async () => (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) })).ok, 120_000, 'the gateway and the members API (/health)', { say });
  await waitUntil(processes, async () => (await queueConsumers(channelModel, 'members.batch-work')) >= workers, 90_000, `${workers} worker(s) consuming members.batch-work`, { soft: true, say });
  await waitUntil(
    processes,
    async () => {
      const queues = accountCreatedQueues(listBindings());
      if (queues.length === 0) return false;
      for (const queue of queues) if ((await queueConsumers(channelModel, queue)) < 1) return false;
      return true;
    },
    90_000,
    'the notifications service consuming AccountCreated',
    { everyMs: 1_000, say },
  );
}

/** Creates an organization and its admin as `npm run admin:create` does (password on stdin). */
export function createAdmin(env, { organization, email, password }) {
  const created = spawnSync(process.execPath, ['dist/apps/members/src/cli/admin-create.js', '--organization', organization, '--email', email], { cwd: root, env: { ...process.env, ...env }, input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
  if (created.status !== 0) throw new Error(`admin:create failed: ${created.stderr || created.error?.message}`);
}
