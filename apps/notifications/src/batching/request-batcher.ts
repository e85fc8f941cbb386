interface RequestBatcherOptions {
  /** A batch goes as soon as it holds this many requests. */
  maxSize: number;
  /** Or this long after its first request arrived. */
  maxWaitMs: number;
}

/**
 * Gathers requests made at about the same time into one call: each caller gets its own answer,
 * and a failed call fails each of its requests. Many mails are written at once, and one database
 * write or RPC for fifty of them costs about what it costs for one.
 */
export class RequestBatcher<TRequest, TAnswer> {
  private pending: { request: TRequest; resolve: (answer: TAnswer) => void; reject: (error: unknown) => void }[] = [];
  private timer?: NodeJS.Timeout;

  /** `handle` answers the requests in their order. */
  constructor(
    private readonly handle: (requests: TRequest[]) => Promise<TAnswer[]>,
    private readonly options: RequestBatcherOptions,
  ) {}

  request(request: TRequest): Promise<TAnswer> {
    return new Promise<TAnswer>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.handle(batch.map((entry) => entry.request)).then(
      (answers) => {
        if (answers.length !== batch.length) throw new Error(`${answers.length} answers for ${batch.length} requests`);
        batch.forEach((entry, index) => entry.resolve(answers[index]));
      },
    ).catch((error: unknown) => batch.forEach((entry) => entry.reject(error)));
  }
}
