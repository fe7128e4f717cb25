package io.copyjob.storage.files.copyinto;

import io.copyjob.spi.RejectedRowsLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * COPY INTO's ERRORFILE as a {@link RejectedRowsLog}: each load's rejected rows go, through the file store of
 * the folder (local, S3, Azure, ...), to {@code <folder>/_rejectedrows/<yyyyMMdd-HHmmss>/<load id>/}, the load
 * id being the run id:
 *
 * <ul>
 *   <li>{@code row.csv}: the rejected rows as they were in the input, byte for byte with their row terminators;
 *       a row without original bytes (from Parquet or ORC, or refused by the destination) as a CSV line of its
 *       values, or, where the source gives none, of its file, row number and row key;</li>
 *   <li>{@code error.json}: a JSON array with one object per rejected row, one per line, in the order of
 *       {@code row.csv}: {@code file}, {@code line} (1-based; row number for binary formats), {@code column}
 *       (null for errors of the whole row), {@code reason}, and {@code rowKey} where the source has one.</li>
 * </ul>
 *
 * <p>Both files are streamed to the store as rows come (memory does not grow with their number) and become
 * visible when the engine closes the log, after a successful load and after a failed one alike. A load without
 * rejected rows writes nothing. Equal when folder and store options are: the options (credentials) are never
 * shown by {@link #toString()}.
 */
public final class ErrorFileLog implements RejectedRowsLog {
  static final String FOLDER = "_rejectedrows";
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final String folder;
  private final Map<String, String> storeOptions;
  private final Clock clock;

  /** A log below {@code folder} (a path or store URL), reached with {@code storeOptions} (credentials, endpoint). */
  public ErrorFileLog(String folder, Map<String, String> storeOptions) {
    this(folder, storeOptions, Clock.systemUTC());
  }

  ErrorFileLog(String folder, Map<String, String> storeOptions, Clock clock) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.storeOptions = Map.copyOf(storeOptions);
    this.clock = clock;
  }

  /** The folder below which {@code _rejectedrows} is written. */
  public String folder() { return folder; }

  @Override
  public Writer open(String jobName, String runId, String table) {
    String dir = FOLDER + "/" + TIME.format(clock.instant()) + "/" + runId;
    return new ErrorFileWriter(folder, storeOptions, dir);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorFileLog l && l.folder.equals(folder) && l.storeOptions.equals(storeOptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(folder, storeOptions);
  }

  /** {@code ERRORFILE '<folder>'}; never the credentials. */
  @Override
  public String toString() {
    return "ERRORFILE '" + io.copyjob.spi.Redactor.urlsOnly().scrub(folder) + "'";
  }
}
