// `npm start`: backends, a build, the three services and the development mail catcher, in one
// terminal. Ctrl-C stops everything this script started (backends only if it started them).
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';

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

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[stack] ${name} exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
}

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
start('mail-catcher', ['scripts/mail-catcher.mjs']);
start('members', ['dist/apps/members/src/main.js']);
start('notifications', ['dist/apps/notifications/src/main.js']);
start('gateway', ['dist/apps/gateway/src/main.js']);
console.log(`[stack] starting; the gateway will answer on ${process.env.PUBLIC_URL ?? 'http://localhost:3000'} (health: /health, API docs: /docs). Ctrl-C stops.`);
