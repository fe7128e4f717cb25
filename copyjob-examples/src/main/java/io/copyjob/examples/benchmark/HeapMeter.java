package io.copyjob.examples.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use between {@link #reset()} and {@link #peakBytes()}, sampled every 10 ms by a daemon
 * thread: live objects plus garbage not yet collected, so an upper bound of what the copy needs.
 */
final class HeapMeter {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong();

  static {
    Thread sampler = new Thread(() -> {
      while (true) {
        PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-meter");
    sampler.setDaemon(true);
    sampler.start();
  }

  private HeapMeter() {
  }

  static void reset() {
    System.gc();
    PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
  }

  static long peakBytes() {
    PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    return PEAK.get();
  }

  static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }
}
