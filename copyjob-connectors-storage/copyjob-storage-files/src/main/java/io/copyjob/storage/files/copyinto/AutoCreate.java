package io.copyjob.storage.files.copyinto;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AUTO_CREATE_TABLE for an absent table. Parquet and ORC files bring their own schema, which the {@code files}
 * connector reads, so no {@code columns} option is given. CSV and JSON Lines (beyond COPY) are sampled
 * ({@link SchemaSampler}): columns {@code column1}, {@code column2}, ... (CSV) or the JSON keys, typed by their
 * first rows; a column list names the columns instead and picks their fields or paths.
 */
final class AutoCreate {
  private AutoCreate() {
  }

  /** The {@code columns} option for creating the table, or empty to take the files' own schema. */
  static Optional<String> columns(CopyInto load, Map<String, String> sourceOptions) {
    if (load.fileType() == FileType.PARQUET || load.fileType() == FileType.ORC) {
      if (!load.columns().isEmpty()) {
        throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO " + load.table() + ": AUTO_CREATE_TABLE "
            + "creates the table from the " + load.fileType() + " files' schema; a column list needs the table to exist");
      }
      return Optional.empty();
    }
    List<SchemaSampler.Sampled> sampled = SchemaSampler.sample(load, sourceOptions);
    List<ColumnsOption.Column> columns = new ArrayList<>();
    if (load.columns().isEmpty()) {
      for (SchemaSampler.Sampled s : sampled) {
        columns.add(new ColumnsOption.Column(Field.of(s.name(), s.type()), CopyColumn.of(s.name())));
      }
    } else {
      for (int i = 0; i < load.columns().size(); i++) {
        CopyColumn entry = load.columns().get(i);
        columns.add(new ColumnsOption.Column(Field.of(entry.name(), typeOf(load, sampled, entry, i)), entry));
      }
    }
    return Optional.of(ColumnsOption.json(columns));
  }

  /** The sampled type of the field or key {@code entry} reads; STRING when the sample does not have it. */
  private static LogicalType typeOf(CopyInto load, List<SchemaSampler.Sampled> sampled, CopyColumn entry, int i) {
    if (load.fileType() == FileType.CSV) {
      int field = entry.field().orElse(i + 1);
      return field <= sampled.size() ? sampled.get(field - 1).type() : LogicalType.string();
    }
    String path = entry.jsonPath().orElse("$." + entry.name());
    for (SchemaSampler.Sampled s : sampled) {
      if (path.equals("$." + s.name())) {
        return s.type();
      }
    }
    return LogicalType.string();
  }
}
