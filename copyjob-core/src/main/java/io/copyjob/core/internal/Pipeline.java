package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Moves the batches of one table from split readers to writers: a bounded pool of reader threads takes splits
 * from a shared list, shapes each batch and puts it on a bounded queue; writer threads take from the queue. A
 * full queue blocks the readers (back-pressure), so memory holds at most queue capacity plus one batch per
 * thread. The first failure anywhere stops every thread and is rethrown; nothing waits forever on a dead peer.
 */
final class Pipeline {
  private static final RecordBatch END = RecordBatch.allocate(Schema.of(), 0);
  private static final long POLL_MILLIS = 50;

  private final String threadPrefix;
  private final int readers;
  private final int writers;
  private final BlockingQueue<RecordBatch> queue;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LongAdder rowsRead = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder rowsWritten = new LongAdder();

  Pipeline(String threadPrefix, int readers, int writers, int queueCapacity) {
    this.threadPrefix = threadPrefix;
    this.readers = readers;
    this.writers = writers;
    this.queue = new ArrayBlockingQueue<>(Math.max(queueCapacity, writers));
  }

  long rowsRead() {
    return rowsRead.sum();
  }

  long bytesRead() {
    return bytesRead.sum();
  }

  /** Rows handed to writers so far; the destination counts them only at commit. */
  long rowsWritten() {
    return rowsWritten.sum();
  }

  /**
   * Reads every split of {@code session} through {@code shaper}, writes through {@code tx}, and returns the
   * writers' fragments. {@code onBatch} sees each batch as read, before shaping, in a reader thread (watermark,
   * progress), after the batch is counted in {@link #rowsRead()}.
   */
  List<Fragment> run(ReadSession session, List<Split> splits, Shaper shaper, WriteTransaction tx,
      Consumer<RecordBatch> onBatch) {
    ConcurrentLinkedQueue<Split> pending = new ConcurrentLinkedQueue<>(splits);
    List<Thread> readerThreads = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      readerThreads.add(start("read-" + i, () -> {
        Split split;
        while (failure.get() == null && (split = pending.poll()) != null) {
          read(session, split, shaper, onBatch);
        }
      }));
    }
    List<Fragment> fragments = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> writerThreads = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      int index = i;
      writerThreads.add(start("write-" + i, () -> fragments.add(write(tx, index))));
    }
    try {
      join(readerThreads);
      for (int i = 0; i < writers; i++) {
        put(END);
      }
      join(writerThreads);
    } catch (InterruptedException e) {
      fail(CopyJobException.builder(ErrorCode.CANCELLED, "the run was interrupted").cause(e).build());
      Thread.currentThread().interrupt();
      joinQuietly(readerThreads);
      joinQuietly(writerThreads);
    }
    Throwable t = failure.get();
    if (t != null) {
      throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
    return new ArrayList<>(fragments);
  }

  /** Shapes a batch as read into the batch written. */
  interface Shaper {
    RecordBatch shape(RecordBatch batch, String split, long rowOffset);
  }

  private void read(ReadSession session, Split split, Shaper shaper, Consumer<RecordBatch> onBatch) {
    try (SplitReader reader = session.openReader(split)) {
      long offset = 0;
      long bytesCounted = 0;
      String splitName = split.describe();
      RecordBatch batch;
      while (failure.get() == null && (batch = reader.next()) != null) {
        int rows = batch.rowCount();
        if (rows == 0) {
          continue;
        }
        // Count before onBatch, so that a progress event fired from it includes this batch; bytes are taken
        // per batch (one call, no allocation) so that progress shows them during a long split, not only after.
        rowsRead.add(rows);
        long bytes = reader.bytesRead();
        bytesRead.add(bytes - bytesCounted);
        bytesCounted = bytes;
        onBatch.accept(batch);
        RecordBatch shaped = shaper.shape(batch, splitName, offset);
        offset += rows;
        if (!put(shaped)) {
          return;
        }
      }
      bytesRead.add(reader.bytesRead() - bytesCounted);
    }
  }

  private Fragment write(WriteTransaction tx, int index) {
    SplitWriter writer = tx.openWriter(index);
    try {
      while (true) {
        RecordBatch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (failure.get() != null) {
          writer.abort();
          return null;
        }
        if (batch == END) {
          return writer.finish();
        }
        if (batch != null) {
          writer.write(batch);
          rowsWritten.add(batch.rowCount());
        }
      }
    } catch (InterruptedException e) {
      writer.abort();
      Thread.currentThread().interrupt();
      throw CopyJobException.builder(ErrorCode.CANCELLED, "the run was interrupted").cause(e).build();
    } catch (RuntimeException | Error e) {
      try {
        writer.abort();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Puts with a timeout loop so a reader never blocks forever on a queue whose writers died. */
  private boolean put(RecordBatch batch) {
    try {
      while (!queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(CopyJobException.builder(ErrorCode.CANCELLED, "the run was interrupted").cause(e).build());
      return false;
    }
  }

  private Thread start(String name, Runnable body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable e) {
        fail(e);
      }
    }, threadPrefix + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void fail(Throwable t) {
    if (!failure.compareAndSet(null, t) && failure.get() != t) {
      failure.get().addSuppressed(t);
    }
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void joinQuietly(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
