package io.copyjob.sql.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.function.Predicate;

/**
 * Loads a batch's rows so that rows the table refuses (a CHECK, UNIQUE or foreign-key constraint, a NOT NULL, a
 * value out of range) are rejected one by one instead of failing the write: each range is loaded inside a
 * savepoint of the write transaction; a range the database refuses is rolled back and cut in halves until the
 * refused rows stand alone. A batch with k refused rows costs about k·log2(batch rows) extra loads; a batch without
 * any costs one load and a savepoint.
 *
 * <p>Shared by the sinks whose bulk path (PostgreSQL's COPY, SQL Server's bulk copy) fails a whole statement for one
 * row. Only for rows loaded straight into the table: rows staged for a merge meet the constraints in the merge,
 * where no one row can be told apart.
 */
public final class RefusedRowIsolator {
  /** Loads rows {@code [from, to)} of the current batch; on failure it ends its own statement before throwing. */
  @FunctionalInterface
  public interface RangeLoad {
    void load(int from, int to) throws SQLException, IOException;
  }

  /** Takes one refused row: the batch index and the database's refusal (a {@link RowRefusedException} or not). */
  @FunctionalInterface
  public interface Refusal {
    void reject(int row, SQLException why);
  }

  private final Connection connection;
  private final Predicate<SQLException> refusesRows;

  /**
   * @param connection the write transaction's connection (auto-commit off)
   * @param refusesRows whether an error is about the rows loaded (then they are isolated) rather than anything else
   *     (then the load fails)
   */
  public RefusedRowIsolator(Connection connection, Predicate<SQLException> refusesRows) {
    this.connection = connection;
    this.refusesRows = refusesRows;
  }

  /** True for SQLSTATE class 22 (data exception) and 23 (integrity constraint violation). */
  public static boolean dataOrIntegrityError(SQLException e) {
    return SqlStates.isDataError(e.getSQLState());
  }

  /** Loads rows {@code [from, to)}, handing each refused row to {@code refusal} and keeping the rest. */
  public void load(int from, int to, RangeLoad load, Refusal refusal) throws SQLException, IOException {
    // A row the load names is rejected and the loop goes on after it (no recursion: a column every row of which
    // fails would otherwise nest a call per row); a range the database refuses is halved.
    int start = from;
    while (start < to) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        load.load(start, to);
        release(savepoint);
        return;
      } catch (RowRefusedException e) {
        rollback(savepoint, e);
        refusal.reject(e.row(), e);
        load(start, e.row(), load, refusal);
        start = e.row() + 1;
      } catch (SQLException e) {
        rollback(savepoint, e);
        if (!refusesRows.test(e)) {
          throw e;
        }
        if (to - start == 1) {
          refusal.reject(start, e);
          return;
        }
        int middle = (start + to) >>> 1;
        load(start, middle, load, refusal);
        start = middle;
      } catch (IOException | RuntimeException e) {
        rollback(savepoint, e);
        throw e;
      }
    }
  }

  /**
   * Releasing only frees the savepoint early; SQL Server's driver does not support it (it frees savepoints at the
   * transaction's end), which must not undo a load that succeeded.
   */
  private void release(Savepoint savepoint) throws SQLException {
    try {
      connection.releaseSavepoint(savepoint);
    } catch (SQLFeatureNotSupportedException e) {
      // kept until the commit or rollback
    }
  }

  /**
   * Back to the savepoint. When the database cannot go back (SQL Server dooms a transaction on some errors), the
   * original error is what the caller sees, with this one attached, and nothing more is tried.
   */
  private void rollback(Savepoint savepoint, Exception cause) throws SQLException {
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      if (cause instanceof SQLException s) {
        throw s;
      }
      // an IOException or RuntimeException: the caller rethrows it
    }
  }
}
