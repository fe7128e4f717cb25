package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Schema;
import io.copyjob.spi.WriteStrategy;
import java.util.List;
import java.util.function.Predicate;

/** Resolves the key columns of an upsert the same way in every SQL sink. */
public final class UpsertKeys {
  private UpsertKeys() {
  }

  /**
   * The strategy's keys, or the destination's primary key when it names none. Fails with
   * {@link ErrorCode#NO_UPSERT_KEYS} when there are neither, {@link ErrorCode#COLUMN_NOT_FOUND} for a key that is
   * not a column of the destination, and {@link ErrorCode#INVALID_JOB} for a key the run does not write; every
   * message names {@code table}.
   */
  public static List<String> resolve(WriteStrategy strategy, List<String> primaryKey, Predicate<String> isColumn,
      Schema written, String table) {
    List<String> keys = strategy.keys().isEmpty() ? primaryKey : strategy.keys();
    if (keys.isEmpty()) {
      throw CopyJobException.builder(ErrorCode.NO_UPSERT_KEYS, "the destination table " + table
          + " has no primary key; give upsert keys").table(table).build();
    }
    for (String k : keys) {
      if (!isColumn.test(k)) {
        throw CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND, "upsert key " + k + " is not a column of " + table)
            .table(table).column(k).build();
      }
      if (written.indexOf(k) < 0) {
        throw CopyJobException.builder(ErrorCode.INVALID_JOB, "upsert key " + k + " is not among the columns written to "
            + table).table(table).column(k).build();
      }
    }
    return List.copyOf(keys);
  }
}
