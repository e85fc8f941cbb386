import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const composeFile = join(__dirname, '..', 'docker-compose.yml');

const root = join(__dirname, '..');

/** The RabbitMQ users of scripts/rabbitmq-users.tsv: name, the variable holding its password, configure, write, read. */
const brokerUsers = readFileSync(join(root, 'scripts', 'rabbitmq-users.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t'));

const brokerPasswords: Record<string, string> = Object.fromEntries([['RABBITMQ_ADMIN_PASSWORD', ''], ...brokerUsers.map(([, variable]) => [variable, ''])].map(([name]) => [name, randomBytes(24).toString('hex')]));

/** What an operator sets before `docker compose up`: compose has no default for any of it. */
const operatorEnvironment: NodeJS.ProcessEnv = { ...process.env, JWT_SECRET: randomBytes(48).toString('base64'), ...brokerPasswords };

function resolvedServices(): Record<string, { command: string[]; environment: Record<string, string>; ports?: unknown[] }> {
  const resolved = spawnSync('sh', ['-c', `docker-compose -f "${composeFile}" config | python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'`], { encoding: 'utf8', env: operatorEnvironment });
  expect(resolved.status).toBe(0);
  return JSON.parse(resolved.stdout).services;
}

function validate(file: string, env: NodeJS.ProcessEnv = operatorEnvironment) {
  return spawnSync('docker-compose', ['-f', file, 'config', '-q'], { encoding: 'utf8', cwd: join(__dirname, '..'), env });
}

describe('docker-compose.yml', () => {
  it('is valid for docker-compose', () => {
    const result = validate(composeFile);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is checked for real: a service depending on an unknown one is refused', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'compose-')), 'docker-compose.yml');
    writeFileSync(broken, readFileSync(composeFile, 'utf8').replace('condition: service_started', 'condition: service_started\n      ghost:\n        condition: service_started'));
    const result = validate(broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ghost');
  });

  it('refuses to start without a JWT_SECRET, and says how to make one', () => {
    const { JWT_SECRET: _secret, ...withoutSecret } = operatorEnvironment;
    const result = validate(composeFile, withoutSecret);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set JWT_SECRET to at least 32 random characters');
  });

  it('gives every long-running service a health check or a healthy dependency', () => {
    const text = readFileSync(composeFile, 'utf8');
    for (const backend of ['mongo', 'rabbitmq', 'mailpit', 'gateway']) {
      expect(text).toMatch(new RegExp(`\\n  ${backend}:\\n(?:    .*\\n|\\n)*?    healthcheck:`));
    }
  });

  it("runs each service as package.json's start script does: same entry, node flags and environment", () => {
    const services = resolvedServices();
    const scripts = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts as Record<string, string>;
    const started = { gateway: 'start:gateway', members: 'start:members', 'members-worker': 'start:worker', notifications: 'start:notifications' };
    for (const [service, script] of Object.entries(started)) {
      const words = scripts[script].split(/\s+/);
      const environment = words.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => word.split('='));
      expect([service, services[service].command]).toEqual([service, words.filter((word) => !/^[A-Z_]+=/.test(word))]);
      for (const [name, value] of environment) {
        // MEMBERS_ROLE differs on purpose: compose runs the members API apart from its workers.
        if (name !== 'MEMBERS_ROLE') expect([service, name, services[service].environment[name]]).toEqual([service, name, value]);
      }
    }
  });

  describe('RabbitMQ', () => {
    it.each(['RABBITMQ_ADMIN_PASSWORD', ...brokerUsers.map(([, variable]) => variable)])('refuses to start without %s', (variable) => {
      const { [variable]: _password, ...without } = operatorEnvironment;
      const result = validate(composeFile, without);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`set ${variable}`);
    });

    it('keeps no password in the file, and lets no service in as guest', () => {
      const text = readFileSync(composeFile, 'utf8');
      expect(text).not.toMatch(/guest:|\/\/guest@/);
      expect(text).not.toMatch(/amqps?:\/\/[^:@\s]+:(?!\$\{)[^@\s]+@/);
      expect(text).not.toMatch(/password_hash/i);
    });

    it('connects each service as its own user, with the password the rabbitmq service gives that user', () => {
      const services = resolvedServices();
      const own = { gateway: 'roster-gateway', members: 'roster-members', 'members-worker': 'roster-members', notifications: 'roster-notifications' };
      for (const [service, user] of Object.entries(own)) {
        const variable = brokerUsers.find(([name]) => name === user)![1];
        expect([service, services[service].environment.AMQP_URL]).toEqual([service, `amqp://${user}:${brokerPasswords[variable]}@rabbitmq:5672`]);
        expect(services.rabbitmq.environment[variable]).toBe(brokerPasswords[variable]);
      }
      expect(services.rabbitmq.environment.ROSTER_EVENTS_AMQP_PASSWORD).toBe(brokerPasswords.ROSTER_EVENTS_AMQP_PASSWORD);
    });

    it('publishes the management UI and Mailpit on 127.0.0.1 only', () => {
      const services = resolvedServices();
      const published = (service: string) => JSON.stringify(services[service].ports);
      expect(published('rabbitmq')).toMatch(/127\.0\.0\.1:15672:15672|"host_ip":\s*"127\.0\.0\.1"/);
      expect(published('mailpit')).toMatch(/127\.0\.0\.1:8025:8025|"host_ip":\s*"127\.0\.0\.1"/);
      expect(services.rabbitmq.ports).toHaveLength(1);
      expect(services.mailpit.ports).toHaveLength(1);
    });
  });

  describe('the rabbitmq service’s entrypoint (scripts/rabbitmq-entrypoint.sh), with stand-ins for the image’s commands', () => {
    /** Runs the script with a fake `docker-entrypoint.sh` and `rabbitmqctl` that record what they are asked, stdin included. */
    function runEntrypoint(env: Record<string, string | undefined>) {
      const dir = mkdtempSync(join(tmpdir(), 'rabbitmq-entrypoint-'));
      const calls = join(dir, 'calls');
      writeFileSync(join(dir, 'docker-entrypoint.sh'), '#!/bin/sh\nsleep 1\n');
      writeFileSync(
        join(dir, 'rabbitmqctl'),
        `#!/bin/bash\ninput=""\ncase " $* " in *" add_user "*|*" change_password "*) input="$(cat)";; esac\nprintf '%s|%s\\n' "$*" "$input" >> "${calls}"\ncase " $* " in *" list_users "*) printf 'guest\\t[administrator]\\nroster-gateway\\t[]\\n';; esac\n`,
      );
      chmodSync(join(dir, 'docker-entrypoint.sh'), 0o755);
      chmodSync(join(dir, 'rabbitmqctl'), 0o755);
      const ready = join(dir, 'ready');
      const result = spawnSync('bash', [join(root, 'scripts', 'rabbitmq-entrypoint.sh')], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { PATH: `${dir}:${process.env.PATH}`, ROSTER_RABBITMQ_USERS: join(root, 'scripts', 'rabbitmq-users.tsv'), ROSTER_RABBITMQ_READY: ready, ...env },
      });
      return { ...result, calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [], ready: existsSync(ready) };
    }

    const environment = { RABBITMQ_DEFAULT_USER: 'roster-admin', RABBITMQ_DEFAULT_PASS: brokerPasswords.RABBITMQ_ADMIN_PASSWORD, ...Object.fromEntries(brokerUsers.map(([, variable]) => [variable, brokerPasswords[variable]])) };

    it('makes every user of rabbitmq-users.tsv with its password on stdin and its permissions, keeps the admin, deletes guest, then reports ready', () => {
      const run = runEntrypoint(environment);
      expect(run.status).toBe(0);
      expect(run.ready).toBe(true);
      const passwordsOnCommandLines = run.calls.filter((call) => Object.values(brokerPasswords).some((password) => call.split('|')[0].includes(password)));
      expect(passwordsOnCommandLines).toEqual([]);
      expect(run.calls).toContain(`-q add_user roster-admin|${brokerPasswords.RABBITMQ_ADMIN_PASSWORD}`);
      expect(run.calls).toContain('-q set_user_tags roster-admin administrator|');
      // roster-gateway exists already: its password is set again.
      expect(run.calls).toContain(`-q change_password roster-gateway|${brokerPasswords.ROSTER_GATEWAY_AMQP_PASSWORD}`);
      for (const [user, variable, configure, write, read] of brokerUsers) {
        if (user !== 'roster-gateway') expect(run.calls).toContain(`-q add_user ${user}|${brokerPasswords[variable]}`);
        expect(run.calls).toContain(`-q set_permissions -p / ${user} ${configure} ${write} ${read}|`);
      }
      expect(run.calls[run.calls.length - 1]).toBe('-q delete_user guest|');
    });

    it('starts nothing when a password is missing, and names it', () => {
      const run = runEntrypoint({ ...environment, ROSTER_EVENTS_AMQP_PASSWORD: undefined });
      expect(run.status).toBe(64);
      expect(run.stderr).toContain('ROSTER_EVENTS_AMQP_PASSWORD is not set');
      expect(run.calls).toEqual([]);
      expect(run.ready).toBe(false);
    });
  });
});
