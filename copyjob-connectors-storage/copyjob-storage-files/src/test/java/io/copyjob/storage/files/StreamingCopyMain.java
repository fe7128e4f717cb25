package io.copyjob.storage.files;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.storage.files.format.compress.Compression;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies one large CSV file with the files source to a files sink (CSV, rolled over at 512 MiB) through a whole
 * {@link CopyJob}, and prints {@code rows=<n> seconds=<s> peakHeapMiB=<m>}. Run by {@link LargeFileStreamingIT}
 * in a JVM with a small heap: {@code java -Xmx256m -cp <test class path> ... <input file> <output folder>
 * <parallelism>}.
 */
public final class StreamingCopyMain {
  private StreamingCopyMain() {
  }

  public static void main(String[] args) {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    int parallelism = Integer.parseInt(args[2]);
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      Runtime rt = Runtime.getRuntime();
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    RunResult result = CopyJob.builder()
        .name("streaming")
        .source(FilesLocation.builder().locations(input.toString()).dataset("big").build())
        .destination(FilesLocation.builder().location(output).format(FilesLocation.Format.CSV)
            .compression(Compression.NONE).maxBytesPerFile(512L << 20).build())
        .table("big")
        .parallelism(parallelism)
        .build()
        .run();
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    TableResult table = result.tables().get(0);
    System.out.printf("status=%s rows=%d written=%d seconds=%.1f peakHeapMiB=%d poolPeaksMiB=%d maxHeapMiB=%d error=%s%n",
        table.status(), table.rowsRead(), table.rowsWritten(), seconds, peak.get() >> 20, poolPeaks >> 20,
        Runtime.getRuntime().maxMemory() >> 20, table.error().orElse("none"));
  }
}
