package io.copyjob.storage.files.copyinto;

import io.copyjob.ConnectorSpec;
import io.copyjob.data.RecordBatch;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads the one dataset of a files source as the engine does, keeping rows (as Java objects) and rejected rows. */
final class SourceReads {
  final List<List<Object>> rows = new ArrayList<>();
  final List<RejectedRow> rejected = new CopyOnWriteArrayList<>();
  DatasetInfo info;
  int splits;

  private SourceReads() {
  }

  /** Options from key, value pairs. */
  static Map<String, String> options(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** Reads with rejected rows allowed (collected), in {@code splits} desired splits. */
  static SourceReads withRejects(Map<String, String> options) {
    return read(options, true, 1);
  }

  /** Reads failing at the first bad row, as a job without a reject policy does. */
  static SourceReads strict(Map<String, String> options) {
    return read(options, false, 1);
  }

  static SourceReads read(Map<String, String> options, boolean rejects, int splits) {
    ConnectorProvider provider = ConnectorRegistry.find("files");
    SourceReads out = new SourceReads();
    RowRejects sink = out.rejected::add;
    try (SourceConnector source = provider.createSource(ConnectorSpec.of("files", options).toOptions(provider))) {
      DatasetId id = source.listDatasets().get(0);
      out.info = source.describe(id).orElseThrow();
      ReadRequest.Builder request = ReadRequest.builder("job", out.info).batchRows(3).desiredSplits(splits);
      if (rejects) {
        request.rejects(sink);
      }
      try (ReadSession session = source.beginRead(request.build())) {
        List<Split> planned = session.planSplits(Optional.empty());
        out.splits = planned.size();
        for (Split split : planned) {
          try (SplitReader reader = session.openReader(split)) {
            for (RecordBatch b = reader.next(); b != null; b = reader.next()) {
              for (int r = 0; r < b.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.columnCount(); c++) {
                  row.add(b.column(c).getObject(r));
                }
                out.rows.add(row);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** The rejected rows' raw bytes, concatenated in line order: what an error file's row.csv holds. */
  byte[] rejectedBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    rejected.stream().sorted((a, b) -> Long.compare(a.line(), b.line()))
        .forEach(r -> bytes.writeBytes(r.raw().orElseThrow()));
    return bytes.toByteArray();
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
