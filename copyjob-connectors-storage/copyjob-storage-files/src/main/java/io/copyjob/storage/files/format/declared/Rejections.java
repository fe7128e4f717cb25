package io.copyjob.storage.files.format.declared;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;

/** What a reader does with a value that does not convert: reject the row when the job allows it, else fail. */
public final class Rejections {
  private Rejections() {
  }

  /**
   * Hands the row to {@code rejects} (without raw bytes), or, when it is null, throws {@code CONVERSION_FAILED}.
   *
   * @param file     the file as shown to users, for the rejected row
   * @param location where, for the error: {@code file x line 3}
   * @param line     the 1-based line or row number of the row
   */
  public static void conversion(RowRejects rejects, String file, String location, long line, String column,
      BadValue e) {
    if (rejects == null) {
      throw CopyJobException.builder(ErrorCode.CONVERSION_FAILED, e.getMessage()).column(column).location(location)
          .build();
    }
    rejects.reject(RejectedRow.builder(file, e.getMessage()).line(line).column(column).build());
  }
}
