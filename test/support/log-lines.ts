/**
 * Every JSON log line the apps in this process write, whichever service's logger wrote it (Nest's
 * `Logger` instances write through the app started last). Lines are kept and passed on to whatever
 * took stdout before (a stack's `ServiceLogs`); `restore()` before that one is restored.
 */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  private readonly previous = process.stdout.write;

  private constructor() {
    const previous = this.previous;
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const line = String(chunk);
      if (line.startsWith('{"time"')) this.lines.push(JSON.parse(line));
      return (previous as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    }) as typeof process.stdout.write;
  }

  static capture(): LogLines {
    return new LogLines();
  }

  find(predicate: (line: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
    return this.lines.find(predicate);
  }

  restore(): void {
    process.stdout.write = this.previous;
  }
}
