/** One chunk of a batch: the members one commit job created together, listed together. */
export interface BatchChunk {
  batchId: string;
  chunk: number;
}

export function chunkKey(batchId: string | null, chunk: number | null): string {
  return `${batchId}:${chunk}`;
}
