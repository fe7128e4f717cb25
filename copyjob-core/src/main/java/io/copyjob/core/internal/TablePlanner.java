package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.TableSpec;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WriteStrategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a table's selection, renames, conversions and mode to the source's schema, checking each name. */
final class TablePlanner {
  private final String job;

  TablePlanner(String job) {
    this.job = job;
  }

  TablePlan plan(TableSpec spec, DatasetInfo source) {
    Schema schema = source.schema();
    String table = source.id().toString();
    List<String> selected = new ArrayList<>(spec.columns().isEmpty() ? schema.names() : spec.columns());
    for (String c : selected) {
      requireColumn(schema, c, table, "selected");
    }
    for (String c : spec.excludedColumns()) {
      requireColumn(schema, c, table, "excluded");
      selected.remove(c);
    }
    if (selected.isEmpty()) {
      throw error(ErrorCode.INVALID_JOB, table, null, "no column is left to copy");
    }
    for (String c : spec.columnRenames().keySet()) {
      requireSelected(schema, selected, c, table, "renamed");
    }
    for (Map.Entry<String, LogicalType> e : spec.conversions().entrySet()) {
      requireSelected(schema, selected, e.getKey(), table, "converted");
      LogicalType from = schema.find(e.getKey()).orElseThrow().type();
      if (Conversions.between(from, e.getValue()).isEmpty()) {
        throw error(ErrorCode.UNSUPPORTED_CONVERSION, table, e.getKey(),
            "cannot convert " + from + " to " + e.getValue());
      }
    }
    String watermark = spec.mode().column().orElse(null);
    if (watermark != null) {
      requireColumn(schema, watermark, table, "incremental");
      LogicalType type = schema.find(watermark).orElseThrow().type();
      if (!Watermark.supports(type)) {
        throw error(ErrorCode.INVALID_JOB, table, watermark, "a " + type
            + " column cannot drive an incremental copy; use a timestamp, date, integer or decimal column");
      }
    }

    Set<String> read = new LinkedHashSet<>(selected);
    if (watermark != null) {
      read.add(watermark);
    }
    read.addAll(source.primaryKey());
    List<Field> readFields = new ArrayList<>();
    for (String c : read) {
      readFields.add(schema.find(c).orElseThrow());
    }
    Schema readColumns = Schema.of(readFields);

    List<Field> writeFields = new ArrayList<>();
    int[] writeSourceIndex = new int[selected.size()];
    LogicalType[] conversions = new LogicalType[selected.size()];
    for (int i = 0; i < selected.size(); i++) {
      String c = selected.get(i);
      Field f = schema.find(c).orElseThrow();
      LogicalType to = spec.conversions().get(c);
      conversions[i] = to == null || to.equals(f.type()) ? null : to;
      writeFields.add(f.withName(spec.columnRenames().getOrDefault(c, c)).withType(to == null ? f.type() : to));
      writeSourceIndex[i] = readColumns.indexOf(c);
    }
    Schema writeSchema;
    try {
      writeSchema = Schema.of(writeFields);
    } catch (IllegalArgumentException e) {
      throw error(ErrorCode.INVALID_JOB, table, null, "renames give two columns one name: " + e.getMessage());
    }

    for (String key : spec.writeStrategy().keys()) {
      if (writeSchema.indexOf(key) < 0) {
        throw error(ErrorCode.COLUMN_NOT_FOUND, table, key, "upsert key '" + key
            + "' is not among the columns written " + writeSchema.names());
      }
    }
    List<String> targetKey = new ArrayList<>();
    for (String k : source.primaryKey()) {
      if (!selected.contains(k)) {
        targetKey.clear();
        break;
      }
      targetKey.add(spec.columnRenames().getOrDefault(k, k));
    }
    int[] keyIndexes = source.primaryKey().stream().mapToInt(readColumns::indexOf).toArray();
    DatasetId target = spec.targetName().map(DatasetId::parse).orElse(source.id());
    WriteStrategy strategy = spec.writeStrategy();
    return new TablePlan(spec, source, target, readColumns, writeSchema, writeSourceIndex, conversions, watermark,
        watermark == null ? -1 : readColumns.indexOf(watermark), keyIndexes, strategy, targetKey);
  }

  private void requireSelected(Schema schema, List<String> selected, String column, String table, String role) {
    requireColumn(schema, column, table, role);
    if (!selected.contains(column)) {
      throw error(ErrorCode.INVALID_JOB, table, column, "the " + role + " column is not among the columns copied");
    }
  }

  private void requireColumn(Schema schema, String column, String table, String role) {
    if (schema.indexOf(column) < 0) {
      throw error(ErrorCode.COLUMN_NOT_FOUND, table, column, "the " + role + " column '" + column
          + "' does not exist; the table has " + schema.names());
    }
  }

  private CopyJobException error(ErrorCode code, String table, String column, String detail) {
    return CopyJobException.builder(code, detail).job(job).table(table).column(column).build();
  }
}
