package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes Delta tables: creates a table from the run's schema when absent (recording the source's primary key in the
 * table property {@value #PRIMARY_KEY_PROPERTY}), and appends, overwrites or upserts in one Delta commit per run
 * ({@link DeltaWriteTransaction}).
 */
final class DeltaSink implements SinkConnector {
  /** Table property holding the primary key copyjob created the table with, for upserts without explicit keys. */
  static final String PRIMARY_KEY_PROPERTY = "copyjob.primaryKey";

  private final DeltaTables tables;
  private final DeltaOptions options;

  DeltaSink(DeltaTables tables, DeltaOptions options) {
    this.tables = tables;
    this.options = options;
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    return tables.latest(id).map(s -> DatasetInfo.of(id, DeltaTypeMapping.fromDelta(s.getSchema(), id.toString()),
        primaryKey(s)));
  }

  static List<String> primaryKey(Snapshot snapshot) {
    String keys = snapshot.getTableProperties().get(PRIMARY_KEY_PROPERTY);
    return keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(","));
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    DatasetId target = request.target();
    String table = target.toString();
    StructType deltaSchema = DeltaTypeMapping.toDelta(request.schema(), table);
    Optional<Snapshot> existing = tables.latest(target);
    if (existing.isEmpty() && request.creation() == TableCreation.MUST_EXIST) {
      throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "there is no Delta table at "
          + tables.store().displayName(DeltaTables.folder(target)) + ", and the job asks for an existing destination")
          .table(table).build();
    }
    List<String> partitionBy = existing.map(Snapshot::getPartitionColumnNames).orElse(options.partitionBy());
    for (String p : partitionBy) {
      if (request.schema().indexOf(p) < 0) {
        throw (existing.isEmpty()
            ? CopyJobException.builder(ErrorCode.INVALID_OPTION, "option '" + DeltaOptions.PARTITION_BY
                + "' names the column '" + p + "', which the run does not write: " + request.schema().names())
            : CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the Delta table is partitioned by " + partitionBy
                + " but the run does not write '" + p + "'")).table(table).column(p).build();
      }
    }
    boolean evolve = false;
    if (existing.isPresent()) {
      StructType have = existing.get().getSchema();
      List<StructField> added = checkColumns(existing.get(), request.schema(), deltaSchema, table);
      evolve = !added.isEmpty();
      for (StructField f : added) {
        have = have.add(f);
      }
      deltaSchema = have;
    }
    List<String> keys = List.of();
    if (request.strategy().kind() == WriteStrategy.Kind.UPSERT) {
      keys = request.strategy().keys().isEmpty()
          ? existing.map(DeltaSink::primaryKey).orElse(request.primaryKey()) : request.strategy().keys();
      if (keys.isEmpty()) {
        throw CopyJobException.builder(ErrorCode.NO_UPSERT_KEYS, "upsert into a Delta table needs key columns: "
            + "give them (upsert(\"id\")), or create the table from a source with a primary key").table(table).build();
      }
      for (String k : keys) {
        if (request.schema().indexOf(k) < 0) {
          throw CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND, "the upsert key '" + k
              + "' is not a column the run writes: " + request.schema().names()).table(table).column(k).build();
        }
      }
    } else if (existing.isEmpty()) {
      keys = request.primaryKey();
    }
    return new DeltaWriteTransaction(tables, options, request, deltaSchema, existing.isEmpty(), evolve, keys);
  }

  /**
   * Every written column must be a table column of the same Delta type; table columns the run does not write read
   * as NULL in its files, so they must be nullable. Returns the columns to add: new nullable columns, when the job
   * allows schema evolution and the table has column mapping (Kernel changes schemas only then).
   */
  private List<StructField> checkColumns(Snapshot snapshot, Schema written, StructType writtenDelta, String table) {
    StructType tableSchema = snapshot.getSchema();
    List<StructField> added = new java.util.ArrayList<>();
    for (Field f : written.fields()) {
      int i = tableSchema.indexOf(f.name());
      if (i < 0) {
        added.add(newColumn(snapshot, f, writtenDelta.get(f.name()), table));
        continue;
      }
      StructField have = tableSchema.at(i);
      if (!have.getDataType().equivalent(writtenDelta.get(f.name()).getDataType())) {
        throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the Delta column is " + have.getDataType()
            + " but the run writes " + f.type() + " (" + writtenDelta.get(f.name()).getDataType() + ")")
            .table(table).column(f.name()).build();
      }
    }
    for (StructField have : tableSchema.fields()) {
      if (written.indexOf(have.getName()) < 0 && !have.isNullable()) {
        throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the run does not write the NOT NULL column '"
            + have.getName() + "' of the Delta table").table(table).column(have.getName()).build();
      }
    }
    return added;
  }

  private StructField newColumn(Snapshot snapshot, Field f, StructField delta, String table) {
    String problem = null;
    if (!options.schemaEvolution()) {
      problem = "; allow schema evolution (option " + DeltaOptions.SCHEMA_EVOLUTION + "=true) to add it, or leave "
          + "the column out of the job";
    } else if (snapshot.getTableProperties().getOrDefault(DeltaColumnMapping.MODE_PROPERTY, "none").equals("none")) {
      problem = "; Delta Kernel adds columns only to tables with column mapping, and this table was created without "
          + "(copyjob creates tables with it when " + DeltaOptions.SCHEMA_EVOLUTION + "=true)";
    } else if (!f.nullable()) {
      problem = "; only a nullable column can be added: the table's existing rows have no value for it";
    }
    if (problem != null) {
      throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the Delta table has no column '" + f.name()
          + "' (it has " + snapshot.getSchema().fieldNames() + ")" + problem).table(table).column(f.name()).build();
    }
    return new StructField(delta.getName(), delta.getDataType(), true, delta.getMetadata());
  }

  @Override
  public void checkConnection() {
    tables.checkConnection();
  }

  @Override
  public void close() {
    tables.close();
  }
}
