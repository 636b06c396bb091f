// Preloaded into servers under test (with --expose-gc): on SIGUSR2, runs a full garbage collection
// and prints the heap and resident sizes, so memory tests measure what is still held, not garbage
// the collector has not reached yet.
const collect = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  collect?.();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(
    `memory after gc: heap ${(heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(rss / 2 ** 20).toFixed(1)} MiB`,
  );
});
