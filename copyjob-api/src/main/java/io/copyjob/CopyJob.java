package io.copyjob;

import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.internal.EngineLoader;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.WatermarkStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A copy job: a source, a destination and the tables to copy between them, with how to copy each. Immutable;
 * made by {@link #builder()}, edited through {@link #toBuilder()}.
 *
 * <pre>{@code
 * CopyJob job = CopyJob.builder()
 *     .name("orders-to-lake")
 *     .source(PostgresConnection.builder().url(url).user("app").password(secret).build())
 *     .destination(FilesLocation.parquet(Path.of("/data/lake")))
 *     .table("public.orders", t -> t.incremental("updated_at"))
 *     .watermarkStore(WatermarkStores.file(Path.of("/var/lib/copyjob/watermarks")))
 *     .build();
 * RunResult result = job.run();
 * }</pre>
 *
 * <p>{@link #run()} needs copyjob-core on the class path, and the connector artifacts of source and destination.
 */
public final class CopyJob {
  /** Splits read at once per table when the job does not say. */
  public static final int DEFAULT_PARALLELISM = 1;
  /** Batches buffered between readers and writers per reader, when the job does not say. */
  public static final int DEFAULT_QUEUE_BATCHES_PER_READER = 4;

  private final String name;
  private final ConnectorSpec source;
  private final ConnectorSpec destination;
  private final List<TableSpec> tables;
  private final int parallelism;
  private final int batchRows;
  private final WatermarkStore watermarkStore;
  private final RunHistoryStore runHistoryStore;
  private final SecretResolver secretResolver;
  private final List<CopyListener> listeners;

  private CopyJob(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.destination = b.destination;
    this.tables = List.copyOf(b.tables);
    this.parallelism = b.parallelism;
    this.batchRows = b.batchRows;
    this.watermarkStore = b.watermarkStore;
    this.runHistoryStore = b.runHistoryStore;
    this.secretResolver = b.secretResolver;
    this.listeners = List.copyOf(b.listeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this job's settings: deselect a table, change a mode, then build again. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.source = source;
    b.destination = destination;
    b.tables.addAll(tables);
    b.parallelism = parallelism;
    b.batchRows = batchRows;
    b.watermarkStore = watermarkStore;
    b.runHistoryStore = runHistoryStore;
    b.secretResolver = secretResolver;
    b.listeners.addAll(listeners);
    return b;
  }

  public String name() { return name; }

  public ConnectorSpec source() { return source; }

  public ConnectorSpec destination() { return destination; }

  /** Table selections in the order given; patterns expand in the source's order. */
  public List<TableSpec> tables() { return tables; }

  /** How many splits of a table are read at once. */
  public int parallelism() { return parallelism; }

  /** Rows per batch between readers and writers. */
  public int batchRows() { return batchRows; }

  /** Where watermarks are kept; empty means an in-memory store shared by the jobs of this JVM. */
  public Optional<WatermarkStore> watermarkStore() { return Optional.ofNullable(watermarkStore); }

  /** Where run results are recorded; empty means an in-memory history shared by the jobs of this JVM. */
  public Optional<RunHistoryStore> runHistoryStore() { return Optional.ofNullable(runHistoryStore); }

  /**
   * What resolves the {@code ${secret:NAME}} references in connector options when a run opens a connector;
   * empty means none ({@code ${env:NAME}} references are always read from the environment). A runtime setting
   * like the stores: not part of {@link #equals(Object)} nor of a saved job definition.
   */
  public Optional<SecretResolver> secretResolver() { return Optional.ofNullable(secretResolver); }

  public List<CopyListener> listeners() { return listeners; }

  /**
   * Runs the job once and returns what it did. A table that fails leaves its destination and watermark as they
   * were and is reported in the result, while the other tables go on; call {@link RunResult#throwIfFailed()}
   * to turn any failure into an exception.
   */
  public RunResult run() {
    return EngineLoader.engine().run(this);
  }

  /** Connects to source and destination and checks every table, column, key and type, without moving data. */
  public ValidationReport validate() {
    return EngineLoader.engine().validate(this);
  }

  /**
   * The destination's table {@code table} ({@code name} or {@code ns.name}) as the destination connector
   * describes it (columns, types, nullability, primary key, identity columns), or empty when there is none.
   * Connects as a run does: {@code ${env:...}} and {@code ${secret:...}} references are resolved, secrets stay
   * out of errors. For tools that shape a job from the destination, such as COPY INTO's column list.
   */
  public Optional<DatasetInfo> describeDestination(String table) {
    return EngineLoader.engine().describeDestination(this, DatasetId.parse(table));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopyJob j && j.name.equals(name) && j.source.equals(source)
        && j.destination.equals(destination) && j.tables.equals(tables) && j.parallelism == parallelism
        && j.batchRows == batchRows;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, source, destination, tables, parallelism, batchRows);
  }

  /** Secrets masked. */
  @Override
  public String toString() {
    return "CopyJob{" + name + ": " + source + " -> " + destination + ", tables=" + tables + ", parallelism="
        + parallelism + "}";
  }

  /** Builds a {@link CopyJob}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private ConnectorSpec source;
    private ConnectorSpec destination;
    private final List<TableSpec> tables = new ArrayList<>();
    private int parallelism = DEFAULT_PARALLELISM;
    private int batchRows = io.copyjob.data.RecordBatch.DEFAULT_CAPACITY;
    private WatermarkStore watermarkStore;
    private RunHistoryStore runHistoryStore;
    private SecretResolver secretResolver;
    private final List<CopyListener> listeners = new ArrayList<>();

    private Builder() {
    }

    /** The job's name: the key of its watermarks and run history. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder source(ConnectorSpec source) {
      this.source = source;
      return this;
    }

    /** The generic form: a connector type found through {@link java.util.ServiceLoader} and its options. */
    public Builder source(String type, Map<String, String> options) {
      return source(ConnectorSpec.of(type, options));
    }

    public Builder destination(ConnectorSpec destination) {
      this.destination = destination;
      return this;
    }

    public Builder destination(String type, Map<String, String> options) {
      return destination(ConnectorSpec.of(type, options));
    }

    /** Copies the tables matching {@code selector} with default settings (all columns, full, append). */
    public Builder table(String selector) {
      return table(TableSpec.builder(selector).build());
    }

    /** Copies the tables matching {@code selector}, configured by {@code settings}. */
    public Builder table(String selector, Consumer<TableSpec.Builder> settings) {
      TableSpec.Builder b = TableSpec.builder(selector);
      settings.accept(b);
      return table(b.build());
    }

    /** Adds a table selection, replacing one with the same selector. */
    public Builder table(TableSpec spec) {
      tables.removeIf(t -> t.selector().equals(spec.selector()));
      tables.add(spec);
      return this;
    }

    /** Drops the selection with this selector. */
    public Builder removeTable(String selector) {
      tables.removeIf(t -> t.selector().equals(selector));
      return this;
    }

    /** Changes the selection with this selector; an unknown selector is an error. */
    public Builder editTable(String selector, Consumer<TableSpec.Builder> edit) {
      TableSpec current = tables.stream().filter(t -> t.selector().equals(selector)).findFirst()
          .orElseThrow(() -> CopyJobException.builder(ErrorCode.INVALID_JOB, "the job selects no table '" + selector + "'")
              .job(name).build());
      TableSpec.Builder b = current.toBuilder();
      edit.accept(b);
      tables.set(tables.indexOf(current), b.build());
      return this;
    }

    /** How many splits of a table to read at once (and, where the destination allows, to write). Default 1. */
    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /** Rows per batch between readers and writers. Default {@value io.copyjob.data.RecordBatch#DEFAULT_CAPACITY}. */
    public Builder batchRows(int batchRows) {
      this.batchRows = batchRows;
      return this;
    }

    /**
     * Where to keep watermarks between runs. Without one, watermarks live in memory and are gone when the JVM
     * ends: set a file or JDBC store for incremental jobs that run in more than one process.
     */
    public Builder watermarkStore(WatermarkStore store) {
      this.watermarkStore = store;
      return this;
    }

    /** Where to record run results. Without one, results are kept in memory for the life of the JVM. */
    public Builder runHistoryStore(RunHistoryStore store) {
      this.runHistoryStore = store;
      return this;
    }

    /**
     * Resolves option values of the form {@code ${secret:NAME}} when a run opens a connector, so that the job
     * (and its saved definition) holds the reference and never the secret. Without one, only
     * {@code ${env:NAME}} references (environment variables) resolve.
     */
    public Builder secretResolver(SecretResolver resolver) {
      this.secretResolver = resolver;
      return this;
    }

    public Builder listener(CopyListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Checks everything that can be known without a connection (name, connectors present, options complete,
     * write behaviours supported, table settings consistent) and returns the immutable job. An option whose value
     * holds a {@code ${env:NAME}} or {@code ${secret:NAME}} reference is checked by its connector when a run
     * resolves the reference.
     *
     * @throws CopyJobException with kind {@link ErrorKind#USER_CONFIG} naming the problem
     */
    public CopyJob build() {
      if (name == null || name.isBlank()) {
        throw CopyJobException.of(ErrorCode.INVALID_JOB, "a job needs a name: it keys watermarks and run history");
      }
      requireConnector(source, "source", ConnectorRole.SOURCE);
      ConnectorProvider sink = requireConnector(destination, "destination", ConnectorRole.SINK);
      if (tables.isEmpty()) {
        throw invalid(null, "the job selects no table: call table(...)");
      }
      if (parallelism < 1) {
        throw invalid(null, "parallelism must be at least 1, got " + parallelism);
      }
      if (batchRows < 1) {
        throw invalid(null, "batchRows must be at least 1, got " + batchRows);
      }
      for (TableSpec t : tables) {
        checkTable(t, sink);
      }
      return new CopyJob(this);
    }

    private ConnectorProvider requireConnector(ConnectorSpec spec, String role, ConnectorRole kind) {
      if (spec == null) {
        throw invalid(null, "the job has no " + role + ": call " + role + "(...)");
      }
      ConnectorProvider p;
      try {
        p = ConnectorRegistry.find(spec.type());
      } catch (CopyJobException e) {
        throw e.toBuilder().job(name).build();
      }
      if (kind == ConnectorRole.SOURCE ? !p.supportsSource() : !p.supportsSink()) {
        throw invalid(null, "the " + spec.type() + " connector cannot be a " + role);
      }
      try {
        p.validateOptions(spec.toOptions(p), kind);
      } catch (CopyJobException e) {
        if (!namesReference(e, spec)) {
          throw e.toBuilder().job(name).detail(role + ": " + e.detail()).build();
        }
      }
      return p;
    }

    /**
     * Whether {@code e} is about an option whose value holds a {@code ${env:...}} or {@code ${secret:...}}
     * reference: such a value is known only when a run resolves it, and the connector checks it then.
     */
    private static boolean namesReference(CopyJobException e, ConnectorSpec spec) {
      String d = e.detail();
      if (e.code() != ErrorCode.INVALID_OPTION || d == null || !d.startsWith("option '")) {
        return false;
      }
      int end = d.indexOf('\'', "option '".length());
      String value = end < 0 ? null : spec.options().get(d.substring("option '".length(), end));
      return value != null && (value.contains("${env:") || value.contains("${secret:"));
    }

    private void checkTable(TableSpec t, ConnectorProvider sink) {
      String sel = t.selector();
      if (t.isPattern() && t.targetName().isPresent()) {
        throw invalid(sel, "renameTo needs one table, but '" + sel + "' is a pattern");
      }
      t.targetName().ifPresent(target -> {
        try {
          DatasetId.parse(target);
        } catch (IllegalArgumentException e) {
          throw invalid(sel, e.getMessage());
        }
      });
      if (!sink.supportedWriteStrategies().contains(t.writeStrategy().kind())) {
        throw CopyJobException.builder(ErrorCode.UNSUPPORTED_WRITE_STRATEGY, "the " + destination.type()
            + " destination does not support " + t.writeStrategy() + "; it supports "
            + sink.supportedWriteStrategies()).job(name).table(sel).build();
      }
      Set<String> seen = new HashSet<>();
      for (String c : t.columns()) {
        if (!seen.add(c)) {
          throw invalid(sel, "column '" + c + "' is selected twice");
        }
        if (t.excludedColumns().contains(c)) {
          throw invalid(sel, "column '" + c + "' is both selected and excluded");
        }
      }
      Set<String> targets = new HashSet<>();
      for (String target : t.columnRenames().values()) {
        if (!targets.add(target)) {
          throw invalid(sel, "two columns are renamed to '" + target + "'");
        }
      }
    }

    private CopyJobException invalid(String table, String detail) {
      return CopyJobException.builder(ErrorCode.INVALID_JOB, detail).job(name).table(table).build();
    }
  }
}
