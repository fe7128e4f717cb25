package io.copyjob.storage.files.copyinto;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.util.Optional;

/**
 * AUTO_CREATE_TABLE for an absent table: Parquet and ORC files bring their own schema, which the {@code files}
 * connector reads, so no {@code columns} option is given; CSV and JSON Lines do not.
 */
final class AutoCreate {
  private AutoCreate() {
  }

  /** The {@code columns} option for creating the table, or empty to take the files' own schema. */
  static Optional<String> columns(CopyInto load) {
    if (!load.columns().isEmpty()) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO " + load.table() + ": AUTO_CREATE_TABLE "
          + "creates the table from the files' schema; a column list needs the table to exist");
    }
    if (load.fileType() == FileType.PARQUET || load.fileType() == FileType.ORC) {
      return Optional.empty();
    }
    throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO " + load.table() + ": AUTO_CREATE_TABLE needs "
        + "FILE_TYPE 'PARQUET' or 'ORC' when the table does not exist");
  }
}
