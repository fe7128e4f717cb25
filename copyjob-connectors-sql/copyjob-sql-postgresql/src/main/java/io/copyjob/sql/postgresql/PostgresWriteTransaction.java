package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
import io.copyjob.sql.jdbc.JdbcWriteTransaction;
import io.copyjob.spi.RowRejects;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write of one PostgreSQL table in one transaction (the lifecycle is {@link JdbcWriteTransaction}'s): rows go in
 * with binary {@code COPY ... FROM STDIN} or batched INSERTs, overwrite is a TRUNCATE in the transaction, upsert
 * stages into a temp table and applies it with {@code INSERT ... ON CONFLICT} at commit.
 *
 * <p>TRUNCATE takes an ACCESS EXCLUSIVE lock: concurrent readers wait until the commit and then see the new rows;
 * they never see an empty or partial table.
 */
final class PostgresWriteTransaction extends JdbcWriteTransaction<PostgresColumn> {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWriteTransaction.class);

  private final PostgresDatabase db;
  private final List<PgType> destTypes = new ArrayList<>();
  private String writeTarget;

  PostgresWriteTransaction(PostgresDatabase db, WriteRequest request) {
    super(db.connections(), db.catalog(), request);
    this.db = db;
  }

  @Override
  protected void onConnect(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL TIME ZONE 'UTC'"); // text values without offset mean UTC, as in the binary path
    }
  }

  @Override
  protected void checkColumn(Field f, PostgresColumn c) {
    destTypes.add(c.type());
    TypeId id = f.type().id();
    if ((id == TypeId.TIME || f.type().isTimestamp()) && f.type().precision() > PostgresTypeMapping.MAX_TIME_PRECISION) {
      LOG.warn("column {} of {} is {} but PostgreSQL keeps microseconds: digits below the microsecond are truncated",
          f.name(), display(), f.type());
    }
  }

  @Override
  protected void prepareOverwrite() throws SQLException {
    execute("TRUNCATE TABLE " + table().qualifiedName());
  }

  @Override
  protected void prepareUpsert(List<String> keys) throws SQLException {
    if (!table().hasUniqueKeyOn(keys)) {
      throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the destination table " + display()
          + " has no primary key, unique constraint or unique index on exactly " + keys
          + "; an upsert (INSERT ... ON CONFLICT) needs one").table(display()).build();
    }
    String staging = PostgresDialect.INSTANCE.quoteIdentifier(stagingName(request().runId()));
    execute(UpsertSql.createStaging(staging, table().qualifiedName(), request().schema().names()));
    execute(UpsertSql.addArrival(staging));
    writeTarget = "pg_temp." + staging;
  }

  /** A temp-table name from the run id: letters, digits and underscores, within PostgreSQL's 63 bytes. */
  static String stagingName(String runId) {
    String clean = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String name = "copyjob_stage_" + clean;
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  /** Writers run one after the other on the transaction's connection. */
  @Override
  protected SplitWriter newWriter(int index) {
    Schema schema = request().schema();
    List<String> rowKey = request().primaryKey().isEmpty() ? upsertKeys() : request().primaryKey();
    WriteContext context = WriteContext.of(display(), schema, rowKey, db.errors());
    String target = writeTarget == null ? table().qualifiedName() : writeTarget;
    // Rows staged for an upsert meet the table's constraints only in the merge, where no one row can be told
    // apart: there a refused row fails the write, as without a reject policy.
    RowRejects rejects = writeTarget == null ? request().rejects().orElse(null) : null;
    if (db.options().writeMethod() == WriteMethod.INSERT) {
      return new InsertWriter(connection(), target, schema, destTypes, db.options().insertBatchSize(), context, rejects);
    }
    CopyPlan plan = CopyPlan.of(target, schema, destTypes);
    if (rejects != null) {
      return new RejectingCopyWriter(connection(), plan, context, rejects);
    }
    return new CopyWriter(connection(), plan, context);
  }

  /**
   * Applies the staged rows; returns rows inserted plus rows updated. One {@code INSERT ... ON CONFLICT DO UPDATE}
   * when the write has every NOT NULL column; else an UPDATE of the existing keys and an INSERT of the new ones,
   * since ON CONFLICT checks NOT NULL on the proposed row before it finds the conflict.
   */
  @Override
  protected long merge() throws SQLException {
    List<String> columns = request().schema().names();
    List<String> keys = upsertKeys();
    String target = table().qualifiedName();
    boolean partial = table().columns().stream().anyMatch(c -> c.notNull() && !columns.contains(c.name()));
    try (Statement s = connection().createStatement()) {
      if (!partial) {
        return s.executeUpdate(UpsertSql.merge(target, writeTarget, columns, keys));
      }
      String update = UpsertSql.updateExisting(target, writeTarget, columns, keys);
      long updated = update == null ? 0 : s.executeUpdate(update);
      return updated + s.executeUpdate(UpsertSql.insertNew(target, writeTarget, columns, keys));
    }
  }
}
