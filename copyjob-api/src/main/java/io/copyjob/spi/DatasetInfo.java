package io.copyjob.spi;

import io.copyjob.data.Schema;
import java.util.List;
import java.util.Objects;

/** What a connector knows of a table or file set: its name, columns and primary key. Immutable. */
public final class DatasetInfo {
  private final DatasetId id;
  private final Schema schema;
  private final List<String> primaryKey;
  private final List<String> identityColumns;

  private DatasetInfo(DatasetId id, Schema schema, List<String> primaryKey, List<String> identityColumns) {
    this.id = Objects.requireNonNull(id, "id");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.primaryKey = List.copyOf(primaryKey);
    this.identityColumns = List.copyOf(identityColumns);
  }

  public static DatasetInfo of(DatasetId id, Schema schema, List<String> primaryKey) {
    return new DatasetInfo(id, schema, primaryKey, List.of());
  }

  /**
   * This dataset with {@code columns} marked as identity columns: columns whose values the store generates
   * (PostgreSQL {@code GENERATED ... AS IDENTITY}, SQL Server {@code IDENTITY}).
   */
  public DatasetInfo withIdentityColumns(List<String> columns) {
    return new DatasetInfo(id, schema, primaryKey, columns);
  }

  public DatasetId id() { return id; }

  public Schema schema() { return schema; }

  /** Primary key columns in key order; empty when there is none (files have none). */
  public List<String> primaryKey() { return primaryKey; }

  /**
   * The columns whose values the store generates (identity columns), for loaders that leave them to the store
   * (COPY INTO's IDENTITY_INSERT OFF); empty when there are none or the connector does not say.
   */
  public List<String> identityColumns() { return identityColumns; }

  @Override
  public String toString() {
    return id + " " + schema + (primaryKey.isEmpty() ? "" : " primary key " + primaryKey);
  }
}
