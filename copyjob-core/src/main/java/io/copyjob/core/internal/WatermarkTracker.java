package io.copyjob.core.internal;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.TimestampVector;
import io.copyjob.spi.Watermark;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The largest value of the incremental column seen in the batches read, for sources that cannot tell their
 * upper bound before reading. Scans primitives without boxing and merges once per batch; thread-safe.
 */
final class WatermarkTracker {
  private final int column;
  private final LogicalType type;
  private final AtomicReference<Watermark> max = new AtomicReference<>();

  WatermarkTracker(int column, LogicalType type) {
    this.column = column;
    this.type = type;
  }

  void observe(RecordBatch batch) {
    int best = largestRow(batch.column(column), batch.rowCount());
    if (best < 0) {
      return;
    }
    Watermark candidate = Watermark.of(type, batch.column(column).getObject(best));
    max.accumulateAndGet(candidate, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
  }

  Optional<Watermark> max() {
    return Optional.ofNullable(max.get());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int largestRow(ColumnVector v, int rows) {
    int best = -1;
    if (v instanceof LongVector l) {
      for (int r = 0; r < rows; r++) {
        if (!l.isNull(r) && (best < 0 || l.get(r) > l.get(best))) {
          best = r;
        }
      }
    } else if (v instanceof TimestampVector t) {
      for (int r = 0; r < rows; r++) {
        if (!t.isNull(r) && (best < 0 || t.getMicros(r) > t.getMicros(best)
            || (t.getMicros(r) == t.getMicros(best) && t.getNanosOfMicro(r) > t.getNanosOfMicro(best)))) {
          best = r;
        }
      }
    } else {
      for (int r = 0; r < rows; r++) {
        if (!v.isNull(r) && (best < 0 || ((Comparable) v.getObject(r)).compareTo(v.getObject(best)) > 0)) {
          best = r;
        }
      }
    }
    return best;
  }
}
