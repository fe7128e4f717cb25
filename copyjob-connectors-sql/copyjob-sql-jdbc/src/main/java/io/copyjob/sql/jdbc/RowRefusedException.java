package io.copyjob.sql.jdbc;

import java.sql.SQLException;

/**
 * A row of a batch refused before it reached the database (a value its column cannot hold), thrown by a
 * {@link RefusedRowIsolator.RangeLoad} that knows exactly which row it was: the isolator rejects that row and loads
 * the rows around it, without cutting the range in halves.
 */
public final class RowRefusedException extends SQLException {
  private static final long serialVersionUID = 1L;
  private final int row;
  private final String column;

  /**
   * @param row the row's index in the batch
   * @param column the column whose value was refused, or null
   * @param reason why, naming the value's problem (not the value: it may be secret)
   */
  public RowRefusedException(int row, String column, String reason) {
    super(reason, "22000");
    this.row = row;
    this.column = column;
  }

  /** The row's index in the batch. */
  public int row() {
    return row;
  }

  /** The column whose value was refused, or null. */
  public String column() {
    return column;
  }
}
