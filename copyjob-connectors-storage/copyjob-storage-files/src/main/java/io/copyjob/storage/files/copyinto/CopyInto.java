package io.copyjob.storage.files.copyinto;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.SecretResolver;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.format.compress.Compression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * T-SQL's {@code COPY INTO}: loads files from any file store into a table of any destination copyjob writes
 * (PostgreSQL, SQL Server, Delta, ...), with the statement's options and defaults. Immutable; made by
 * {@link #into(String)} or {@link #parse(String)}, which give the same {@link Builder}.
 *
 * <pre>{@code
 * RunResult r = CopyInto.parse("""
 *         COPY INTO sales.orders (id, city DEFAULT 'unknown' 3)
 *         FROM 's3://landing/orders/*.csv.gz'
 *         WITH (FIELDTERMINATOR = '|', FIRSTROW = 2, MAXERRORS = 10, ERRORFILE = 's3://landing/errors',
 *               CREDENTIAL = (IDENTITY = 'S3 Access Key', SECRET = '<key id>:<secret>'))""")
 *     .destination(PostgresConnection.of(url, user, password))
 *     .run();
 * }</pre>
 *
 * <p>A load is one copyjob run of one table: the files are read by the {@code files} connector (the store
 * artifact of their location on the class path, e.g. copyjob-storage-s3), rows that cannot be loaded are
 * rejected up to MAXERRORS and written to the ERRORFILE, and the destination commits once: a failed load leaves
 * the table as it was. {@link #run()} needs copyjob-core on the class path.
 */
public final class CopyInto {
  /** The {@code files} connector's option that declares the typed columns. */
  static final String COLUMNS_OPTION = "columns";

  private final Builder b;
  private final List<CopyColumn> columns;
  private final List<String> locations;
  private final Map<String, String> storeOptions;

  private CopyInto(Builder b) {
    this.b = b.copy();
    this.columns = List.copyOf(b.columns);
    this.locations = List.copyOf(b.locations);
    this.storeOptions = Map.copyOf(b.storeOptions);
  }

  /** Starts a load into {@code table} ({@code table} or {@code schema.table}). */
  public static Builder into(String table) {
    return new Builder().table(table);
  }

  /**
   * Reads a COPY INTO statement, in its Azure Synapse or Fabric Warehouse form (a three-part
   * {@code warehouse.schema.table} name loses its warehouse part: the destination connector names the database).
   *
   * @throws CopyJobException {@code INVALID_JOB} for a statement that is not COPY INTO, {@code INVALID_OPTION} for
   *                          an unknown, repeated or malformed option; the message names it and its line and column
   */
  public static Builder parse(String statement) {
    return CopyIntoParser.parse(statement);
  }

  /** The destination table. */
  public DatasetId table() { return b.table; }

  /** The column list; empty when the statement has none. */
  public List<CopyColumn> columns() { return columns; }

  /** The locations in the order given: files, folders and wildcard patterns. */
  public List<String> locations() { return locations; }

  /** FILE_TYPE; CSV when not given. */
  public FileType fileType() { return b.fileType; }

  /** CREDENTIAL for the locations; empty: the store module's default chain. */
  public Optional<Credential> credential() { return Optional.ofNullable(b.credential); }

  /** The folder below which {@code _rejectedrows/} is written. */
  public Optional<String> errorFile() { return Optional.ofNullable(b.errorFile); }

  /** ERRORFILE_CREDENTIAL, for an ERRORFILE given as a full URL. */
  public Optional<Credential> errorFileCredential() { return Optional.ofNullable(b.errorFileCredential); }

  /** MAXERRORS as a count (0 when not given); empty when given as a percentage. */
  public OptionalLong maxErrors() {
    return b.maxErrorsPercent == null ? OptionalLong.of(b.maxErrors) : OptionalLong.empty();
  }

  /** MAXERRORS as a percentage of the rows read, a step beyond COPY. */
  public OptionalDouble maxErrorsPercent() {
    return b.maxErrorsPercent == null ? OptionalDouble.empty() : OptionalDouble.of(b.maxErrorsPercent);
  }

  /** COMPRESSION; empty means by each file's extension. */
  public Optional<Compression> compression() { return Optional.ofNullable(b.compression); }

  /** FIELDQUOTE, decoded; {@code "} when not given. */
  public String fieldQuote() { return b.fieldQuote == null ? "\"" : b.fieldQuote; }

  /** FIELDTERMINATOR, decoded; {@code ,} when not given. */
  public String fieldTerminator() { return b.fieldTerminator == null ? "," : b.fieldTerminator; }

  /** ROWTERMINATOR, decoded; empty means COPY's default: a row ends with CRLF or LF. */
  public Optional<String> rowTerminator() { return Optional.ofNullable(b.rowTerminator); }

  /** FIRSTROW: the 1-based row of each file where loading starts. */
  public long firstRow() { return b.firstRow; }

  /** DATEFORMAT; empty: the files connector's default, mdy (ISO dates are always read). */
  public Optional<DateFormat> dateFormat() { return Optional.ofNullable(b.dateFormat); }

  /** ENCODING of CSV files; UTF8 when not given. */
  public Encoding encoding() { return b.encoding; }

  /** IDENTITY_INSERT; OFF when not given. */
  public OnOff identityInsert() { return b.identityInsert; }

  /** AUTO_CREATE_TABLE; OFF when not given. */
  public OnOff autoCreateTable() { return b.autoCreateTable; }

  /** MATCH_COLUMN_COUNT; OFF when not given. */
  public OnOff matchColumnCount() { return b.matchColumnCount; }

  /** PARSER_VERSION as given; it changes nothing. */
  public Optional<String> parserVersion() { return Optional.ofNullable(b.parserVersion); }

  /** The destination connector. */
  public ConnectorSpec destination() { return b.destination; }

  /** Extra store options (an emulator's endpoint, a region), given with {@link Builder#storeOption}. */
  public Map<String, String> storeOptions() { return storeOptions; }

  /**
   * The {@code files} connector options this load reads with, except {@code columns} (which needs the
   * destination table): locations, format, CSV dialect, compression and the store options of CREDENTIAL.
   * Holds secrets: never log it.
   */
  public Map<String, String> sourceOptions() {
    return SourceOptions.of(this);
  }

  /**
   * The copy job this load runs: connects to the destination to read the table's columns, which give the
   * {@code columns} option (types, nullability) together with the column list.
   *
   * @throws CopyJobException {@code TABLE_NOT_FOUND} when the table does not exist and AUTO_CREATE_TABLE is OFF,
   *                          {@code COLUMN_NOT_FOUND} when the column list names a column the table lacks
   */
  public CopyJob job() {
    return LoadPlanner.plan(this);
  }

  /**
   * Runs the load once and returns what it did. A load that fails while running (too many rejected rows, a
   * corrupt file, a store error) is reported in the result and leaves the table as it was; what {@link #job()}
   * finds before running (a missing table or column, an unreachable destination) is thrown.
   */
  public RunResult run() {
    return job().run();
  }

  /** A builder holding this load's settings. */
  public Builder toBuilder() {
    return b.copy();
  }

  String jobName() {
    return b.name != null ? b.name : "copy-into-" + b.table;
  }

  int parallelism() { return b.parallelism; }

  Optional<SecretResolver> secretResolver() { return Optional.ofNullable(b.secretResolver); }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopyInto c && c.toString().equals(toString()) && c.sourceOptions().equals(sourceOptions())
        && Objects.equals(c.b.destination, b.destination) && Objects.equals(c.b.name, b.name)
        && c.b.parallelism == b.parallelism;
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The load as a statement, secrets masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("COPY INTO ").append(b.table);
    if (!columns.isEmpty()) {
      sb.append(" (");
      for (int i = 0; i < columns.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(columns.get(i));
      }
      sb.append(')');
    }
    sb.append(" FROM ");
    for (int i = 0; i < locations.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('\'').append(locations.get(i)).append('\'');
    }
    sb.append(" WITH (FILE_TYPE = '").append(b.fileType).append('\'');
    if (b.credential != null) {
      sb.append(", ").append(b.credential);
    }
    if (b.errorFile != null) {
      sb.append(", ERRORFILE = '").append(b.errorFile).append('\'');
    }
    if (b.errorFileCredential != null) {
      sb.append(", ERRORFILE_").append(b.errorFileCredential);
    }
    sb.append(", MAXERRORS = ").append(b.maxErrorsPercent == null ? String.valueOf(b.maxErrors)
        : "'" + b.maxErrorsPercent + "%'");
    if (b.identityInsert.on()) {
      sb.append(", IDENTITY_INSERT = 'ON'");
    }
    if (b.autoCreateTable.on()) {
      sb.append(", AUTO_CREATE_TABLE = 'ON'");
    }
    if (b.parserVersion != null) {
      sb.append(", PARSER_VERSION = '").append(b.parserVersion).append('\'');
    }
    // The CSV dialect, compression and store options are those of sourceOptions(), compared by equals().
    return sb.append(")").toString();
  }

  /**
   * Builds a {@link CopyInto}; its methods mirror the statement's options and take the statement's notations.
   * Every setter checks its value and throws {@link CopyJobException} {@code INVALID_OPTION} naming the option.
   * Not thread-safe.
   */
  public static final class Builder {
    private DatasetId table;
    private final List<CopyColumn> columns = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private FileType fileType = FileType.CSV;
    private Credential credential;
    private String errorFile;
    private Credential errorFileCredential;
    private long maxErrors;
    private Double maxErrorsPercent;
    private Compression compression;
    private String fieldQuote;
    private String fieldTerminator;
    private String rowTerminator;
    private long firstRow = 1;
    private DateFormat dateFormat;
    private Encoding encoding = Encoding.UTF8;
    private OnOff identityInsert = OnOff.OFF;
    private OnOff autoCreateTable = OnOff.OFF;
    private OnOff matchColumnCount = OnOff.OFF;
    private String parserVersion;
    private ConnectorSpec destination;
    private final Map<String, String> storeOptions = new LinkedHashMap<>();
    private String name;
    private int parallelism = CopyJob.DEFAULT_PARALLELISM;
    private SecretResolver secretResolver;

    Builder() {
    }

    /** The destination table, {@code table} or {@code schema.table}. */
    public Builder table(String table) {
      try {
        this.table = DatasetId.parse(Objects.requireNonNull(table, "table").trim());
      } catch (IllegalArgumentException e) {
        throw invalid("table", "'" + table + "' is not a table name: " + e.getMessage());
      }
      return this;
    }

    /** The destination table as schema (may be null) and name. */
    public Builder table(String schema, String table) {
      // Jobs name tables as ns.name text: a dot inside a part would split it elsewhere.
      if ((schema != null && schema.contains(".")) || table == null || table.contains(".")) {
        throw invalid("table", "'" + (schema == null ? "" : schema + ".") + table + "': a schema or table name "
            + "holding '.' is not supported");
      }
      this.table = schema == null ? DatasetId.of(table) : DatasetId.of(schema, table);
      return this;
    }

    /** Adds entries to the column list. */
    public Builder columns(CopyColumn... list) {
      for (CopyColumn c : list) {
        if (columns.stream().anyMatch(x -> x.name().equalsIgnoreCase(c.name()))) {
          throw invalid("column list", "names column '" + c.name() + "' twice");
        }
        columns.add(c);
      }
      return this;
    }

    /** Adds locations (FROM): files, folders, wildcard patterns ({@code *}, {@code ?}), local or in a store. */
    public Builder from(String... location) {
      for (String l : location) {
        if (l == null || l.isBlank()) {
          throw invalid("FROM", "a location is empty");
        }
        locations.add(l.trim());
      }
      return this;
    }

    /** FILE_TYPE; default {@link FileType#CSV}. */
    public Builder fileType(FileType type) {
      this.fileType = Objects.requireNonNull(type, "FILE_TYPE");
      return this;
    }

    /** CREDENTIAL for the locations; default none (public storage, or the store module's default chain). */
    public Builder credential(Credential credential) {
      this.credential = credential;
      return this;
    }

    /**
     * ERRORFILE: the folder where {@code _rejectedrows/<yyyyMMdd-HHmmss>/<load id>/} receives {@code row.csv} and
     * {@code error.json}. A URL or local path; a path starting with {@code /} given for locations in a store is
     * taken from the root of the first location's container or bucket, as COPY does.
     */
    public Builder errorFile(String folder) {
      if (folder == null || folder.isBlank()) {
        throw invalid("ERRORFILE", "is empty");
      }
      this.errorFile = folder.trim();
      return this;
    }

    /** ERRORFILE_CREDENTIAL, for an ERRORFILE given as a full URL; otherwise CREDENTIAL is used. */
    public Builder errorFileCredential(Credential credential) {
      this.errorFileCredential = credential;
      return this;
    }

    /** MAXERRORS: the most rows that may be rejected before the load fails; default 0. */
    public Builder maxErrors(long rows) {
      if (rows < 0) {
        throw invalid("MAXERRORS", "cannot be negative: " + rows);
      }
      this.maxErrors = rows;
      this.maxErrorsPercent = null;
      return this;
    }

    /**
     * MAXERRORS as a percentage of the rows read (0 to 100), a step beyond COPY; checked when every row was read,
     * before the commit.
     */
    public Builder maxErrorsPercent(double percent) {
      if (!(percent >= 0 && percent <= 100)) {
        throw invalid("MAXERRORS", "must be a percentage from 0 to 100, got " + percent);
      }
      this.maxErrorsPercent = percent;
      return this;
    }

    /** COMPRESSION; default: by each file's extension ({@code .gz}, {@code .snappy}, {@code .zst}). */
    public Builder compression(Compression compression) {
      this.compression = compression == Compression.AUTO ? null : compression;
      return this;
    }

    /** FIELDQUOTE: one character, or its notation ({@code 0x22}); default {@code "}. */
    public Builder fieldQuote(String notation) {
      String q = decode("FIELDQUOTE", notation);
      if (q.codePointCount(0, q.length()) != 1) {
        throw invalid("FIELDQUOTE", "must be one character, got '" + notation + "'");
      }
      this.fieldQuote = q;
      return this;
    }

    /** FIELDTERMINATOR: one or more characters, escapes and hex allowed ({@code \t}, {@code 0x7C0x7C}). */
    public Builder fieldTerminator(String notation) {
      this.fieldTerminator = decode("FIELDTERMINATOR", notation);
      return this;
    }

    /**
     * ROWTERMINATOR: {@code \n} (the default) or {@code \r\n} end a row at CRLF or LF, as COPY reads them; any
     * other value, e.g. {@code 0x0A} (LF only), ends rows at exactly those characters.
     */
    public Builder rowTerminator(String notation) {
      try {
        this.rowTerminator = Terminators.rowTerminator(notation).orElse(null);
      } catch (IllegalArgumentException e) {
        throw invalid("ROWTERMINATOR", e.getMessage());
      }
      return this;
    }

    /** FIRSTROW: the 1-based row where each file's loading starts; default 1. */
    public Builder firstRow(long row) {
      if (row < 1) {
        throw invalid("FIRSTROW", "must be at least 1, got " + row);
      }
      this.firstRow = row;
      return this;
    }

    /** DATEFORMAT of CSV dates; default: the files connector's (ISO 8601 and mdy). */
    public Builder dateFormat(DateFormat format) {
      this.dateFormat = format;
      return this;
    }

    /** ENCODING of CSV files; default UTF8. */
    public Builder encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "ENCODING");
      return this;
    }

    /**
     * IDENTITY_INSERT; default OFF: the file's values for the table's identity column are not loaded and the
     * destination generates them.
     */
    public Builder identityInsert(OnOff value) {
      this.identityInsert = Objects.requireNonNull(value, "IDENTITY_INSERT");
      return this;
    }

    /**
     * AUTO_CREATE_TABLE; default OFF. ON creates an absent table with the files' schema: Parquet's and ORC's own,
     * and, beyond COPY, CSV's and JSON Lines' inferred from their first rows.
     */
    public Builder autoCreateTable(OnOff value) {
      this.autoCreateTable = Objects.requireNonNull(value, "AUTO_CREATE_TABLE");
      return this;
    }

    /** MATCH_COLUMN_COUNT; default OFF. ON rejects CSV rows whose field count differs from the columns'. */
    public Builder matchColumnCount(OnOff value) {
      this.matchColumnCount = Objects.requireNonNull(value, "MATCH_COLUMN_COUNT");
      return this;
    }

    /** PARSER_VERSION, '1.0' or '2.0': accepted for compatibility; copyjob has one CSV parser. */
    public Builder parserVersion(String version) {
      if (!"1.0".equals(version) && !"2.0".equals(version)) {
        throw invalid("PARSER_VERSION", "must be '1.0' or '2.0', got '" + version + "'");
      }
      this.parserVersion = version;
      return this;
    }

    /** The destination: any connector spec ({@code PostgresConnection.of(...)}, ...). Required. */
    public Builder destination(ConnectorSpec destination) {
      this.destination = Objects.requireNonNull(destination, "destination");
      return this;
    }

    /**
     * A store option beyond what CREDENTIAL says, for the locations and the error file: an emulator's endpoint
     * ({@code azure.endpoint}, {@code s3.endpoint}), {@code s3.region}, ...
     */
    public Builder storeOption(String key, String value) {
      if (key == null || key.indexOf('.') <= 0) {
        throw invalid("store option", "'" + key + "' is not a store option such as s3.endpoint or azure.endpoint");
      }
      storeOptions.put(key, Objects.requireNonNull(value, key));
      return this;
    }

    /** The name of the job the load runs as (run history, logs); default {@code copy-into-<table>}. */
    public Builder name(String jobName) {
      this.name = jobName;
      return this;
    }

    /** How many file parts are read at once; default 1. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw invalid("parallelism", "must be at least 1");
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * What resolves {@code ${secret:NAME}} references in the destination's options (and the store options), as
     * {@link CopyJob.Builder#secretResolver} does for a job; {@code ${env:NAME}} needs none.
     */
    public Builder secretResolver(SecretResolver resolver) {
      this.secretResolver = resolver;
      return this;
    }

    /** Checks what can be known without connecting and returns the load. */
    public CopyInto build() {
      if (table == null) {
        throw invalid("table", "is required");
      }
      if (locations.isEmpty()) {
        throw invalid("FROM", "needs at least one location");
      }
      if (destination == null) {
        throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO " + table + ": no destination; call "
            + "destination(...) with the connector of the database the table is in");
      }
      CopyInto load = new CopyInto(this);
      load.sourceOptions();
      return load;
    }

    /** Builds and runs the load. */
    public RunResult run() {
      return build().run();
    }

    Builder copy() {
      Builder c = new Builder();
      c.table = table;
      c.columns.addAll(columns);
      c.locations.addAll(locations);
      c.fileType = fileType;
      c.credential = credential;
      c.errorFile = errorFile;
      c.errorFileCredential = errorFileCredential;
      c.maxErrors = maxErrors;
      c.maxErrorsPercent = maxErrorsPercent;
      c.compression = compression;
      c.fieldQuote = fieldQuote;
      c.fieldTerminator = fieldTerminator;
      c.rowTerminator = rowTerminator;
      c.firstRow = firstRow;
      c.dateFormat = dateFormat;
      c.encoding = encoding;
      c.identityInsert = identityInsert;
      c.autoCreateTable = autoCreateTable;
      c.matchColumnCount = matchColumnCount;
      c.parserVersion = parserVersion;
      c.destination = destination;
      c.storeOptions.putAll(storeOptions);
      c.name = name;
      c.parallelism = parallelism;
      c.secretResolver = secretResolver;
      return c;
    }

    private static String decode(String option, String notation) {
      try {
        return Terminators.decode(notation);
      } catch (IllegalArgumentException e) {
        throw invalid(option, e.getMessage());
      }
    }
  }

  static CopyJobException invalid(String option, String problem) {
    return CopyJobException.of(ErrorCode.INVALID_OPTION, option + " " + problem);
  }
}
