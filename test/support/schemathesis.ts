import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Installed by `npm run services:up` (scripts/schemathesis.sh) in a virtualenv of this checkout. */
const SCHEMATHESIS = resolve(__dirname, '../../var/schemathesis/bin/schemathesis');
/** Where the last run's whole output is kept, to read past what a failed test prints. */
export const SCHEMATHESIS_OUTPUT = resolve(__dirname, '../../var/schemathesis-report/output.txt');

export interface FuzzOptions {
  /** Where the OpenAPI document is served. */
  schemaUrl: string;
  /** Sent with every request, e.g. `Authorization: Bearer …`. */
  headers: Record<string, string>;
  /** Fixed values of path parameters, by name: real ids, so that operations reach past 404. */
  pathParameters: Record<string, string>;
  checks: string;
  excludeChecks?: string;
  /** What counts as refusing schema-violating input (`negative_data_rejection`). */
  rejectionStatuses: number[];
  maxExamples: number;
  /** The test stops the run past this, and fails. */
  timeoutMs: number;
}

export interface FuzzRun {
  exitCode: number | null;
  /** What schemathesis printed: the failures with a curl line to reproduce each, and the seed. */
  output: string;
  timedOut: boolean;
}

/**
 * Runs the schemathesis CLI against a running gateway, in a child process (the gateway under test
 * answers in this one meanwhile), from an empty directory so that it leaves nothing in the checkout.
 */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzRun> {
  if (!existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run \`npm run services:up\` (or scripts/schemathesis.sh)`);
  const directory = await mkdtemp(join(tmpdir(), 'roster-schemathesis-'));
  try {
    const config = join(directory, 'schemathesis.toml');
    const parameters = Object.entries(options.pathParameters).map(([name, value]) => `"path.${name}" = "${value}"`);
    const rejection = `expected-statuses = [${options.rejectionStatuses.map((status) => `"${status}"`).join(', ')}]`;
    await writeFile(config, ['[parameters]', ...parameters, '', '[checks.negative_data_rejection]', rejection, ''].join('\n'));
    const args = [
      '--config-file',
      config,
      'run',
      options.schemaUrl,
      '--checks',
      options.checks,
      ...(options.excludeChecks ? ['--exclude-checks', options.excludeChecks] : []),
      '--max-examples',
      String(options.maxExamples),
      '--phases',
      'examples,coverage,fuzzing',
      '--generation-database',
      'none',
      '--request-timeout',
      '20',
      '--no-color',
      ...Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    ];
    return await new Promise<FuzzRun>((done, fail) => {
      const child = spawn(SCHEMATHESIS, args, { cwd: directory, env: { ...process.env, NO_COLOR: '1' } });
      let output = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
      }, options.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('error', fail);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        done({ exitCode, output, timedOut });
      });
    }).then(async (run) => {
      await mkdir(dirname(SCHEMATHESIS_OUTPUT), { recursive: true });
      await writeFile(SCHEMATHESIS_OUTPUT, run.output);
      return run;
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
