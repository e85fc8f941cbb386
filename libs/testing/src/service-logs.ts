/** One service's JSON log lines, taken off the test output and kept parsed for assertions. */
export class ServiceLogs {
  readonly lines: Record<string, unknown>[] = [];
  private readonly spy: jest.SpiedFunction<typeof process.stdout.write>;

  private constructor(service: string) {
    const write = process.stdout.write.bind(process.stdout);
    this.spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const line = String(chunk);
      if (!line.startsWith('{"time"') || !line.includes(`"service":"${service}"`)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      this.lines.push(JSON.parse(line));
      return true;
    });
  }

  static capture(service: string): ServiceLogs {
    return new ServiceLogs(service);
  }

  restore(): void {
    this.spy.mockRestore();
  }
}
