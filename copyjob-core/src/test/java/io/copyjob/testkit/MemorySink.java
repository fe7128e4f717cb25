package io.copyjob.testkit;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a {@link MemoryStore}: writers stage rows; the commit applies them to the table in one step. */
final class MemorySink implements SinkConnector {
  private final MemoryStore store;
  private final ConnectorOptions options;

  MemorySink(MemoryStore store, ConnectorOptions options) {
    this.store = store;
    this.options = options;
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    return store.describe(id);
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    Optional<DatasetInfo> existing = store.describe(request.target());
    if (existing.isEmpty() && request.creation() == TableCreation.MUST_EXIST) {
      throw CopyJobException.of(ErrorCode.TABLE_NOT_FOUND, "destination " + request.target() + " does not exist");
    }
    DatasetInfo info = existing.orElse(DatasetInfo.of(request.target(), request.schema(), request.primaryKey()));
    for (String c : request.schema().names()) {
      if (info.schema().indexOf(c) < 0) {
        throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "destination has no column " + c).column(c).build();
      }
    }
    List<String> keys = request.strategy().keys().isEmpty() ? info.primaryKey() : request.strategy().keys();
    if (request.strategy().kind() == WriteStrategy.Kind.UPSERT && keys.isEmpty()) {
      throw CopyJobException.of(ErrorCode.NO_UPSERT_KEYS, "destination " + request.target()
          + " has no primary key; give upsert keys");
    }
    return new Transaction(request, info, keys);
  }

  @Override
  public void close() {
  }

  private record Staged(List<Object[]> staged) implements Fragment {
    @Override
    public long rows() {
      return staged.size();
    }

    @Override
    public long bytes() {
      return 0;
    }
  }

  private final class Transaction implements WriteTransaction {
    private final WriteRequest request;
    private final DatasetInfo info;
    private final List<String> keys;
    private final AtomicLong written = new AtomicLong();
    private final long failAfter = options.getLong("failAfterRows", -1);

    Transaction(WriteRequest request, DatasetInfo info, List<String> keys) {
      this.request = request;
      this.info = info;
      this.keys = keys;
    }

    @Override
    public int maxWriters() {
      return options.getInt("maxWriters", 4);
    }

    @Override
    public SplitWriter openWriter(int index) {
      Schema dest = info.schema();
      int[] positions = request.schema().names().stream().mapToInt(dest::indexOf).toArray();
      List<Object[]> staged = new ArrayList<>();
      return new SplitWriter() {
        @Override
        public void write(RecordBatch batch) {
          for (int r = 0; r < batch.rowCount(); r++) {
            if (failAfter >= 0 && written.incrementAndGet() > failAfter) {
              throw MemoryConnectorProvider.injected(options, "write failed at row " + written.get());
            }
            Object[] row = new Object[dest.size()];
            for (int c = 0; c < positions.length; c++) {
              row[positions[c]] = batch.column(c).getObject(r);
            }
            staged.add(row);
          }
        }

        @Override
        public Fragment finish() {
          return new Staged(staged);
        }

        @Override
        public void abort() {
          staged.clear();
        }
      };
    }

    @Override
    public long commit(List<Fragment> fragments) {
      if (options.getBoolean("failOnCommit", false)) {
        throw MemoryConnectorProvider.injected(options, "commit failed");
      }
      List<Object[]> incoming = new ArrayList<>();
      for (Fragment f : fragments) {
        incoming.addAll(((Staged) f).staged());
      }
      synchronized (store) {
        List<Object[]> current = store.exists(request.target()) ? store.snapshot(request.target()) : new ArrayList<>();
        List<Object[]> result;
        switch (request.strategy().kind()) {
          case OVERWRITE:
            result = incoming;
            break;
          case UPSERT: {
            int[] keyPositions = keys.stream().mapToInt(info.schema()::indexOf).toArray();
            Map<List<Object>, Object[]> byKey = new LinkedHashMap<>();
            for (Object[] row : current) {
              byKey.put(key(row, keyPositions), row);
            }
            for (Object[] row : incoming) {
              byKey.put(key(row, keyPositions), row);
            }
            result = new ArrayList<>(byKey.values());
            break;
          }
          default:
            result = new ArrayList<>(current);
            result.addAll(incoming);
        }
        store.replace(request.target(), info, result);
      }
      return incoming.size();
    }

    private List<Object> key(Object[] row, int[] positions) {
      Object[] k = new Object[positions.length];
      for (int i = 0; i < positions.length; i++) {
        k[i] = row[positions[i]];
      }
      return Arrays.asList(k);
    }

    @Override
    public void abort() {
    }

    @Override
    public void close() {
      if (options.getBoolean("failOnClose", false)) {
        throw MemoryConnectorProvider.injected(options, "close failed");
      }
    }
  }
}
