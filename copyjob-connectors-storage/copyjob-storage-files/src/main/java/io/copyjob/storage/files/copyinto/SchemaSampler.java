package io.copyjob.storage.files.copyinto;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.storage.files.FilesConnectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the first rows of a CSV or JSON Lines load as text (through the {@code files} connector itself, with the
 * load's dialect) and guesses each column's type ({@link TypeGuess}): the schema AUTO_CREATE_TABLE creates an
 * absent table with, a step beyond COPY (which discovers schemas from Parquet only).
 */
final class SchemaSampler {
  /** Rows read to guess types. */
  static final int SAMPLE_ROWS = 1000;

  /** A sampled column: its name in the files (column1..., a JSON key) and its guessed type. */
  record Sampled(String name, io.copyjob.data.LogicalType type) {
  }

  private SchemaSampler() {
  }

  static List<Sampled> sample(CopyInto load, Map<String, String> sourceOptions) {
    ConnectorProvider provider = new FilesConnectorProvider();
    DatasetId id = DatasetId.parse(load.table().toString());
    try (SourceConnector source = provider.createSource(ConnectorSpec.of("files", sourceOptions).toOptions(provider))) {
      DatasetInfo info = source.describe(id).orElseThrow(() -> CopyJobException.of(ErrorCode.TABLE_NOT_FOUND,
          "COPY INTO " + load.table() + ": no file matches " + load.locations()));
      List<TypeGuess> guesses = new ArrayList<>();
      for (int i = 0; i < info.schema().size(); i++) {
        guesses.add(new TypeGuess());
      }
      ReadRequest request = ReadRequest.builder(load.jobName(), info).columns(info.schema()).desiredSplits(1)
          .batchRows(SAMPLE_ROWS).rejects(row -> { }).build();
      int rows = 0;
      try (ReadSession session = source.beginRead(request)) {
        for (Split split : session.planSplits(Optional.empty())) {
          try (SplitReader reader = session.openReader(split)) {
            for (RecordBatch b = reader.next(); b != null && rows < SAMPLE_ROWS; b = reader.next()) {
              for (int c = 0; c < b.columnCount(); c++) {
                ColumnVector v = b.column(c);
                for (int r = 0; r < b.rowCount() && rows + r < SAMPLE_ROWS; r++) {
                  Object value = v.isNull(r) ? null : v.getObject(r);
                  guesses.get(c).add(value == null ? null : value.toString());
                }
              }
              rows += b.rowCount();
            }
          }
          if (rows >= SAMPLE_ROWS) {
            break;
          }
        }
      }
      List<Sampled> out = new ArrayList<>();
      for (int i = 0; i < info.schema().size(); i++) {
        Field f = info.schema().field(i);
        out.add(new Sampled(f.name(), guesses.get(i).type()));
      }
      return out;
    }
  }
}
