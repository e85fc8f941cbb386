/** Stops the containers globalSetup may have started (nothing to do with native backends). */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as { rosterContainers?: { stop(): Promise<unknown> }[] }).rosterContainers ?? [];
  await Promise.all(containers.map((container) => container.stop()));
}
