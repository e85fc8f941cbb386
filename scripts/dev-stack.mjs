// `npm start`: backends, a build, the three services and the development mail catcher, in one
// terminal. Ctrl-C stops everything this script started (backends only if it started them).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { serviceCommand } from './service-commands.mjs';

const root = new URL('..', import.meta.url).pathname;
const children = [];

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => { socket.end(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A service as its package.json start script runs it, connected to RabbitMQ as its own user. */
function start(name, script, brokerUser) {
  const { env, nodeFlags, entry } = serviceCommand(script);
  spawnService(name, [...nodeFlags, entry], { ...process.env, ...env, AMQP_URL: brokerUrl(brokerUser) });
}

/**
 * The URL of a service's own RabbitMQ user (GATEWAY_AMQP_URL…), from the environment or from
 * var/services.env, where `npm run services:up` lists the users it made (scripts/rabbitmq-users.tsv).
 */
function brokerUrl(user) {
  const name = `${user.toUpperCase()}_AMQP_URL`;
  if (process.env[name]) return process.env[name];
  const line = readFileSync(`${root}var/services.env`, 'utf8').split('\n').find((candidate) => candidate.startsWith(`${name}=`));
  if (!line) throw new Error(`${name} is missing from var/services.env: run npm run services:up`);
  return line.slice(name.length + 1);
}

function spawnService(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[stack] ${name} exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
}

/**
 * The gateway's signing secret on this machine: made once at random and kept in var/jwt-secret
 * (readable by its owner only), so that tokens survive a restart and no secret is shared.
 */
function localJwtSecret() {
  const file = `${root}var/jwt-secret`;
  if (!existsSync(file)) {
    mkdirSync(`${root}var`, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

process.env.JWT_SECRET ??= localJwtSecret();

let stopping = false;
let startedBackends = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  if (startedBackends) run('bash', ['scripts/services.sh', 'down']);
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

startedBackends = !((await portAnswers(5672)) && (await portAnswers(27017)));
run('bash', ['scripts/services.sh', 'up']);
run('npm', ['run', 'build', '--silent']);
spawnService('mail-catcher', ['scripts/mail-catcher.mjs'], process.env);
start('members', 'start:members', 'members');
start('notifications', 'start:notifications', 'notifications');
start('gateway', 'start:gateway', 'gateway');
console.log(`[stack] starting; the gateway will answer on ${process.env.PUBLIC_URL ?? 'http://localhost:3000'} (health: /health, API docs: /docs). Ctrl-C stops.`);
