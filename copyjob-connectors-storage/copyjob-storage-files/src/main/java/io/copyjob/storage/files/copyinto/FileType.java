package io.copyjob.storage.files.copyinto;

/** COPY INTO's {@code FILE_TYPE}: the format of the files loaded. The default is {@link #CSV}. */
public enum FileType {
  /** Delimited text, read with FIELDTERMINATOR, ROWTERMINATOR, FIELDQUOTE, FIRSTROW, ENCODING, DATEFORMAT. */
  CSV("csv"),
  /** Parquet; columns are matched by name. */
  PARQUET("parquet"),
  /** ORC; columns are matched by name. Needs the ORC format artifact on the class path. */
  ORC("orc"),
  /** JSON Lines (Fabric Warehouse); fields found by JSON path, by default {@code $.<column>}. */
  JSONL("jsonl");

  private final String format;

  FileType(String format) {
    this.format = format;
  }

  /** The value of the {@code files} connector's {@code format} option. */
  public String format() {
    return format;
  }
}
