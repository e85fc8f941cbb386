// How each service runs, read from package.json's start:* scripts, so that `npm start`, the
// benchmark and `npm run start:<service>` run them alike (docker-compose.yml is checked against
// them by the tests).
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const scripts = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts;

/** `A=1 B=2 node --flag entry.js` → { env, nodeFlags, entry }. */
export function serviceCommand(script) {
  const tokens = scripts[script].trim().split(/\s+/);
  const env = {};
  while (/^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[0])) {
    const [name, ...value] = tokens.shift().split('=');
    env[name] = value.join('=');
  }
  if (tokens.shift() !== 'node' || tokens.length === 0) throw new Error(`package.json "${script}" is not "[VAR=value …] node [flags] entry"`);
  const entry = tokens.pop();
  return { env, nodeFlags: tokens, entry };
}
