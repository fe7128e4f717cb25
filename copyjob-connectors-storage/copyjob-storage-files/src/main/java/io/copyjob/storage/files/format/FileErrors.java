package io.copyjob.storage.files.format;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.io.IOException;

/** Builds the exceptions formats and the connector throw, with the file (and line) as the location. */
public final class FileErrors {
  private FileErrors() {
  }

  /** Unparseable input in {@code file} at {@code line} (1-based; 0 or less when unknown). */
  public static CopyJobException badInput(String file, long line, String detail, Throwable cause) {
    return CopyJobException.builder(ErrorCode.BAD_INPUT, detail).location(where(file, line)).cause(cause).build();
  }

  /** An I/O failure of the store while working on {@code file}. */
  public static CopyJobException storeError(String file, String doing, IOException cause) {
    return CopyJobException.builder(ErrorCode.STORE_ERROR, "could not " + doing + ": " + cause)
        .location("file " + file).cause(cause).build();
  }

  /**
   * A failure while reading {@code file}: {@code BAD_INPUT} when the bytes are corrupt for their codec
   * (truncated, trailing garbage), else {@code STORE_ERROR}.
   */
  public static CopyJobException readFailure(String file, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.copyjob.storage.files.format.compress.CorruptInputException c) {
        return badInput(file, 0, c.getMessage(), e);
      }
    }
    IOException cause = e instanceof io.copyjob.storage.files.format.compress.Codecs.StoreReadException
        && e.getCause() instanceof IOException io ? io : e;
    return storeError(file, "read the file", cause);
  }

  /** A file whose columns differ from those the dataset was described with. */
  public static CopyJobException schemaMismatch(String file, String detail) {
    return CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, detail).location("file " + file).build();
  }

  /** A value that cannot be written in a format, e.g. a timestamp outside Parquet's nanosecond range. */
  public static CopyJobException conversion(String column, String detail) {
    return CopyJobException.builder(ErrorCode.CONVERSION_FAILED, detail).column(column).build();
  }

  /** A column type the format cannot hold. */
  public static CopyJobException unsupportedType(String format, String column, Object type, String hint) {
    return CopyJobException.builder(ErrorCode.UNSUPPORTED_CONVERSION,
        format + " files cannot hold a " + type + " column" + (hint == null ? "" : ": " + hint)).column(column).build();
  }

  private static String where(String file, long line) {
    return line > 0 ? "file " + file + " line " + line : "file " + file;
  }
}
