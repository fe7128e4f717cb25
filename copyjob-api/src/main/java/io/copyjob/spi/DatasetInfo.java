package io.copyjob.spi;

import io.copyjob.data.Schema;
import java.util.List;
import java.util.Objects;

/** What a connector knows of a table or file set: its name, columns and primary key. Immutable. */
public final class DatasetInfo {
  private final DatasetId id;
  private final Schema schema;
  private final List<String> primaryKey;

  private DatasetInfo(DatasetId id, Schema schema, List<String> primaryKey) {
    this.id = Objects.requireNonNull(id, "id");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.primaryKey = List.copyOf(primaryKey);
  }

  public static DatasetInfo of(DatasetId id, Schema schema, List<String> primaryKey) {
    return new DatasetInfo(id, schema, primaryKey);
  }

  public DatasetId id() { return id; }

  public Schema schema() { return schema; }

  /** Primary key columns in key order; empty when there is none (files have none). */
  public List<String> primaryKey() { return primaryKey; }

  @Override
  public String toString() {
    return id + " " + schema + (primaryKey.isEmpty() ? "" : " primary key " + primaryKey);
  }
}
