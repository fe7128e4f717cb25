package io.copyjob.examples.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Two views of the heap between {@link #reset()} and the next read. {@link #peakBytes()}: the most heap in use,
 * sampled every 10 ms by a daemon thread, live objects plus garbage not yet collected (an upper bound of what the
 * copy needs). {@link #peakAfterGcBytes()}: the most heap still in use right after a collection, closer to the
 * working set (after a young collection it still counts old garbage).
 */
final class HeapMeter {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong();
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

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
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          long used = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo()
              .getMemoryUsageAfterGc().entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed()).sum();
          PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
  }

  private HeapMeter() {
  }

  static void reset() {
    System.gc();
    PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
    PEAK_AFTER_GC.set(0);
  }

  static long peakBytes() {
    PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    return PEAK.get();
  }

  static long peakAfterGcBytes() {
    return PEAK_AFTER_GC.get();
  }
}
