package io.copyjob.storage.files.format;

import io.copyjob.storage.files.FilesOptions;
import java.util.List;

/**
 * A file format that comes in its own artifact (ORC, whose library needs Hadoop's client API), found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.copyjob.storage.files.format.FileFormatProvider}. The {@code files} connector
 * asks providers only for format names and file extensions it does not know itself (CSV, JSON Lines and
 * Parquet are built in).
 *
 * <p>Implementations are stateless and have a public no-argument constructor.
 */
public interface FileFormatProvider {

  /** The {@code format} option value that selects this format, in lower case, e.g. {@code orc}. */
  String name();

  /**
   * The extensions of files in this format, lower case without the dot (e.g. {@code orc}); a file whose name
   * ends with one is read in this format when the {@code format} option is not set.
   */
  List<String> extensions();

  /** The format configured with the connector's {@code options} (it reads the ones it needs). */
  FileFormat create(FilesOptions options);
}
