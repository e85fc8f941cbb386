/**
 * Fixed windows reset the counts at their end: a test that must see one window starts with
 * enough of it left (a wait of at most `marginMs`, not a sleep to prove anything).
 */
export async function awayFromWindowEnd(windowMs: number, marginMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
