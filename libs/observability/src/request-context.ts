import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContextValues {
  requestId?: string;
  batchId?: string;
  /** The HTTP client's address (the connection's, or `X-Forwarded-For` from a local proxy), for the audit log. */
  sourceAddress?: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

/** Carries the request or batch id through async calls so every log line can name it. */
export const RequestContext = {
  run<T>(values: RequestContextValues, callback: () => T): T {
    return storage.run({ ...storage.getStore(), ...values }, callback);
  },
  current(): RequestContextValues {
    return storage.getStore() ?? {};
  },
};
