import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const composeFile = join(__dirname, '..', 'docker-compose.yml');

/** What an operator sets before `docker compose up`: compose has no default for it. */
const operatorEnvironment = { ...process.env, JWT_SECRET: randomBytes(48).toString('base64') };

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
    const resolved = spawnSync('sh', ['-c', `docker-compose -f "${composeFile}" config | python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'`], { encoding: 'utf8', env: operatorEnvironment });
    expect(resolved.status).toBe(0);
    const services = JSON.parse(resolved.stdout).services as Record<string, { command: string[]; environment: Record<string, string> }>;
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
});
