package io.copyjob.testkit;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@link MemoryStore}: a snapshot of the rows at {@code beginRead}, cut into splits of row ranges. */
final class MemorySource implements SourceConnector {
  private final MemoryStore store;
  private final int splitRows;
  private final String unreadable;

  /** {@code unreadable}: a value that makes its row unreadable, as a bad line makes a file's; null for none. */
  MemorySource(MemoryStore store, int splitRows, String unreadable) {
    this.store = store;
    this.splitRows = splitRows;
    this.unreadable = unreadable;
  }

  @Override
  public List<DatasetId> listDatasets() {
    return store.list();
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    return store.describe(id);
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return new Session(request, store.snapshot(request.dataset().id()));
  }

  @Override
  public void close() {
  }

  private record RangeSplit(int from, int to, Watermark upper) implements Split {
    @Override
    public String describe() {
      return "rows [" + from + ", " + to + ")";
    }
  }

  private final class Session implements ReadSession {
    private final ReadRequest request;
    private final List<Object[]> rows;
    private final Schema source;
    private final int watermarkIndex;

    Session(ReadRequest request, List<Object[]> rows) {
      this.request = request;
      this.rows = rows;
      this.source = request.dataset().schema();
      this.watermarkIndex = request.watermarkColumn().map(source::indexOf).orElse(-1);
    }

    @Override
    public Optional<Watermark> upperBound() {
      Watermark max = null;
      for (Object[] row : rows) {
        if (watermarkIndex >= 0 && row[watermarkIndex] != null && above(row, request.lowerExclusive().orElse(null))) {
          Watermark w = Watermark.of(source.field(watermarkIndex).type(), row[watermarkIndex]);
          if (max == null || w.compareTo(max) > 0) {
            max = w;
          }
        }
      }
      return Optional.ofNullable(max);
    }

    private boolean above(Object[] row, Watermark lower) {
      return lower == null
          || Watermark.of(source.field(watermarkIndex).type(), row[watermarkIndex]).compareTo(lower) > 0;
    }

    private boolean within(Object[] row, Watermark upper) {
      if (watermarkIndex < 0) {
        return true;
      }
      if (row[watermarkIndex] == null) {
        return false;
      }
      Watermark w = Watermark.of(source.field(watermarkIndex).type(), row[watermarkIndex]);
      return above(row, request.lowerExclusive().orElse(null)) && (upper == null || w.compareTo(upper) <= 0);
    }

    @Override
    public List<Split> planSplits(Optional<Watermark> upperInclusive) {
      List<Split> splits = new ArrayList<>();
      for (int from = 0; from < rows.size(); from += splitRows) {
        splits.add(new RangeSplit(from, Math.min(rows.size(), from + splitRows), upperInclusive.orElse(null)));
      }
      return splits;
    }

    @Override
    public SplitReader openReader(Split split) {
      RangeSplit range = (RangeSplit) split;
      Schema columns = request.columns();
      int[] positions = columns.names().stream().mapToInt(source::indexOf).toArray();
      return new SplitReader() {
        private int next = range.from();

        @Override
        public RecordBatch next() {
          RecordBatch batch = RecordBatch.allocate(columns, request.batchRows());
          int n = 0;
          while (next < range.to() && n < request.batchRows()) {
            Object[] row = rows.get(next++);
            if (!within(row, range.upper())) {
              continue;
            }
            if (unreadable != null && java.util.Arrays.asList(row).contains(unreadable)) {
              RejectedRow rejected = RejectedRow.builder("memory " + request.dataset().id(), "unreadable row")
                  .line(next).raw(("row " + next + "\n").getBytes(StandardCharsets.UTF_8)).build();
              request.rejects().orElseThrow(() -> CopyJobException.of(ErrorCode.BAD_INPUT, rejected.describe()))
                  .reject(rejected);
              continue;
            }
            for (int c = 0; c < positions.length; c++) {
              batch.column(c).setObject(n, row[positions[c]]);
            }
            n++;
          }
          batch.setRowCount(n);
          return n == 0 && next >= range.to() ? null : batch;
        }

        @Override
        public void close() {
        }
      };
    }

    @Override
    public void close() {
    }
  }
}
