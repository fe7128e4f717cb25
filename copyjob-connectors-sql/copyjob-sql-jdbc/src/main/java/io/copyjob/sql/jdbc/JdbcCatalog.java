package io.copyjob.sql.jdbc;

import io.copyjob.spi.DatasetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads tables, views, columns and keys from a database's own catalog, the same way for every database: list the
 * tables; find one table's object id by schema and name; read its columns and its unique keys by that id. A
 * connector gives the four {@link Queries} and turns their rows into its column type (that is where its type mapping
 * comes in); this template runs them. Thread-safe: it keeps no state but the default schema.
 *
 * @param <C> the connector's column type
 */
public abstract class JdbcCatalog<C extends JdbcColumn> {
  private final Dialect dialect;
  private final String defaultSchema;
  private final Queries queries;

  /**
   * The four catalog queries of a database.
   *
   * @param list {@code schema, name} of every table and view a user may read, in a stable order
   * @param object the object id (one integer column) of the table or view of schema {@code ?} and name {@code ?}
   * @param columns the columns of the object {@code ?}, in table order; each row is read by {@link #readColumn}
   * @param keys the unique keys of the object {@code ?}, primary key first; each row is read by {@link #readKeys}
   */
  public record Queries(String list, String object, String columns, String keys) {
  }

  protected JdbcCatalog(Dialect dialect, String defaultSchema, Queries queries) {
    this.dialect = dialect;
    this.defaultSchema = defaultSchema;
    this.queries = queries;
  }

  /** The dialect names are quoted with. */
  public Dialect dialect() { return dialect; }

  /** The schema of table names given without one. */
  public String defaultSchema() { return defaultSchema; }

  /** {@code schema.name} of {@code id} for messages, with the default schema when it names none. */
  public String displayName(DatasetId id) {
    return id.namespace().isPresent() ? id.toString() : DatasetId.of(defaultSchema, id.name()).toString();
  }

  /** One column from the current row of the columns query. */
  protected abstract C readColumn(ResultSet row) throws SQLException;

  /** Adds the key columns of the current row of the keys query to {@code keys}. */
  protected abstract void readKeys(ResultSet row, TableKeys keys) throws SQLException;

  /** Binds a schema or table name of the object query; the default binds a plain string. */
  protected void bindName(PreparedStatement statement, int index, String name) throws SQLException {
    statement.setString(index, name);
  }

  /** Every table and view of the list query. */
  public List<DatasetId> list(Connection c) throws SQLException {
    List<DatasetId> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(queries.list()); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(DatasetId.of(rs.getString(1), rs.getString(2)));
      }
    }
    return ids;
  }

  /** The table, or empty when no table or view has that name. Names match exactly, as quoted identifiers do. */
  public Optional<JdbcTable<C>> describe(Connection c, DatasetId id) throws SQLException {
    String schema = id.namespace().orElse(defaultSchema);
    long objectId;
    try (PreparedStatement s = c.prepareStatement(queries.object())) {
      bindName(s, 1, schema);
      bindName(s, 2, id.name());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        objectId = rs.getLong(1);
      }
    }
    List<C> columns = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(queries.columns())) {
      s.setLong(1, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(readColumn(rs));
        }
      }
    }
    TableKeys keys = new TableKeys();
    try (PreparedStatement s = c.prepareStatement(queries.keys())) {
      s.setLong(1, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          readKeys(rs, keys);
        }
      }
    }
    String qualified = dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(id.name());
    return Optional.of(new JdbcTable<>(id, schema, id.name(), qualified, columns, keys.primaryKey(), keys.uniqueKeys()));
  }
}
