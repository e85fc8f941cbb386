import { RequestBatcher } from './request-batcher';

describe('RequestBatcher', () => {
  it('answers requests made together with one call, each with its own answer, in order', async () => {
    const calls: number[][] = [];
    const batcher = new RequestBatcher<number, string>(async (requests) => {
      calls.push(requests);
      return requests.map((request) => `answer ${request}`);
    }, { maxSize: 10, maxWaitMs: 5 });

    const answers = await Promise.all([1, 2, 3].map((request) => batcher.request(request)));

    expect(answers).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('sends a batch as soon as it is full, and the rest after the wait', async () => {
    const calls: number[][] = [];
    const batcher = new RequestBatcher<number, number>(async (requests) => {
      calls.push(requests);
      return requests;
    }, { maxSize: 2, maxWaitMs: 5 });

    await Promise.all([1, 2, 3, 4, 5].map((request) => batcher.request(request)));

    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every request of a failed call, and later requests go on', async () => {
    let fail = true;
    const batcher = new RequestBatcher<number, number>(async (requests) => {
      if (fail) throw new Error('the store is down');
      return requests;
    }, { maxSize: 5, maxWaitMs: 5 });

    const failed = await Promise.allSettled([1, 2].map((request) => batcher.request(request)));
    fail = false;
    const later = await batcher.request(3);

    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(later).toBe(3);
  });

  it('fails the requests when the call answers a different number of them', async () => {
    const batcher = new RequestBatcher<number, number>(async () => [1], { maxSize: 5, maxWaitMs: 5 });

    await expect(Promise.all([1, 2].map((request) => batcher.request(request)))).rejects.toThrow('1 answers for 2 requests');
  });
});
