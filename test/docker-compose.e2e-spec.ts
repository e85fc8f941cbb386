import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const composeFile = join(__dirname, '..', 'docker-compose.yml');

function validate(file: string) {
  return spawnSync('docker-compose', ['-f', file, 'config', '-q'], { encoding: 'utf8', cwd: join(__dirname, '..') });
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

  it('gives every long-running service a health check or a healthy dependency', () => {
    const text = readFileSync(composeFile, 'utf8');
    for (const backend of ['mongo', 'rabbitmq', 'mailpit', 'gateway']) {
      expect(text).toMatch(new RegExp(`\\n  ${backend}:\\n(?:    .*\\n|\\n)*?    healthcheck:`));
    }
  });
});
