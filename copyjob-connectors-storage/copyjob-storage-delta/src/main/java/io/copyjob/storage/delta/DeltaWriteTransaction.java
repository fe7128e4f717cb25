package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.delta.kernel.KernelActions;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.StorePaths;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write of a Delta table: writers put data files into the table's folder, and {@link #commit} adds them to the
 * log in one Delta commit (version {@code N.json}, created only if absent), with the removes the strategy needs:
 * none for append, every live file for overwrite, the rewritten files for upsert ({@link DeltaUpsert}).
 *
 * <p>Every commit carries a transaction identifier ({@code txn}: application id {@code copyjob:<job>:<table>}, version
 * one above the last this application committed) and, when the engine names the rows it carries
 * ({@link WriteRequest#batchId()}), records that batch and run in the domain metadata {@link DeltaBatchMarker}. A run
 * that finds its own batch already committed (the earlier attempt committed and died before saving its watermark)
 * removes that attempt's files in the same commit that adds its own: the rows land once. Two runs of the same job and
 * table committing at once conflict on the transaction identifier; the later one fails and leaves the table as the
 * first one left it.
 */
final class DeltaWriteTransaction implements WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaWriteTransaction.class);
  static final int MAX_WRITERS = 64;
  /** Commit attempts after a lost race for a version, each after Kernel found no logical conflict. */
  static final int DEFAULT_RETRIES = 20;

  private final DeltaTables tables;
  private final DeltaOptions options;
  private final WriteRequest request;
  /** The table's schema as this transaction commits it (with column mapping, the physical names in its metadata). */
  private final StructType deltaSchema;
  private final boolean create;
  private final boolean evolve;
  private final List<String> keys;
  private final String folder;
  private final String table;
  private final String appId;
  private final Transaction txn;
  private final Row state;
  private final List<String> partitionBy;
  private final Optional<Snapshot> read;
  private final List<PendingFile> tracked = new ArrayList<>();
  private boolean committed;
  private boolean aborted;
  private boolean outcomeUnknown;

  /**
   * @param schema the schema to create the table with, or the table's schema with the new columns when
   *               {@code evolve}, or the table's schema
   */
  DeltaWriteTransaction(DeltaTables tables, DeltaOptions options, WriteRequest request, StructType schema,
      boolean create, boolean evolve, List<String> keys) {
    this.tables = tables;
    this.options = options;
    this.request = request;
    this.create = create;
    this.evolve = evolve;
    this.keys = keys;
    this.folder = DeltaTables.folder(request.target());
    this.table = request.target().toString();
    this.appId = "copyjob:" + request.jobName() + ":" + table;
    try {
      this.txn = start(schema);
      this.deltaSchema = txn.getSchema(tables.engine());
      this.state = txn.getTransactionState(tables.engine());
      this.partitionBy = List.copyOf(txn.getPartitionColumns(tables.engine()));
    } catch (RuntimeException e) {
      throw tables.failure(request.target(), "start a transaction on the Delta table", e);
    }
    this.read = create ? Optional.empty() : Optional.of(tables.at(request.target(), txn.getReadTableVersion()));
  }

  /**
   * The Kernel transaction, on the table version of now: the rows of an overwrite or upsert replace what this
   * version holds, and a writer committing before this run's commit makes it resolve the conflict or fail.
   */
  private Transaction start(StructType schema) {
    Engine engine = tables.engine();
    Optional<Snapshot> latest = create ? Optional.empty() : tables.latest(request.target());
    long txnVersion = latest.flatMap(s -> s.getLatestTransactionVersion(engine, appId)).orElse(0L) + 1;
    // A rebase onto a commit that added rows with the same keys would keep both: an upsert fails instead.
    int retries = request.strategy().kind() == WriteStrategy.Kind.UPSERT ? 0 : DEFAULT_RETRIES;
    if (evolve) {
      return latest.orElseThrow().buildUpdateTableTransaction(DeltaTables.ENGINE_INFO, Operation.WRITE)
          .withUpdatedSchema(schema).withTransactionId(appId, txnVersion).withMaxRetries(retries).build(engine);
    }
    TransactionBuilder builder = tables.table(request.target())
        .createTransactionBuilder(engine, DeltaTables.ENGINE_INFO, create ? Operation.CREATE_TABLE : Operation.WRITE)
        .withTransactionId(engine, appId, txnVersion).withMaxRetries(retries);
    if (create) {
      Map<String, String> properties = new java.util.HashMap<>();
      if (!keys.isEmpty()) {
        properties.put(DeltaSink.PRIMARY_KEY_PROPERTY, String.join(",", keys));
      }
      if (options.schemaEvolution()) {
        // Kernel adds columns only to tables with column mapping: create them so when the job allows evolution.
        properties.put(DeltaColumnMapping.MODE_PROPERTY, "name");
      }
      builder = builder.withSchema(engine, schema).withDomainMetadataSupported().withTableProperties(engine, properties);
      if (!options.partitionBy().isEmpty()) {
        builder = builder.withPartitionColumns(engine, options.partitionBy());
      }
    }
    return builder.build(engine);
  }

  synchronized void track(PendingFile file) {
    tracked.add(file);
  }

  /** The table's name, for messages. */
  String table() {
    return table;
  }

  /** The store folder of a partition's data files (Kernel names it: {@code day=2024-01-01}, escaped). */
  String folder(Map<String, io.delta.kernel.expressions.Literal> partition) {
    if (partition.isEmpty()) {
      return folder;
    }
    try {
      return tables.fileIO().storePath(
          Transaction.getWriteContext(tables.engine(), state, partition).getTargetDirectory());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A writer of rows of {@code schema} with this transaction's table schema and partitioning. */
  DeltaSplitWriter writer(String prefix, io.copyjob.data.Schema schema) {
    return new DeltaSplitWriter(this, tables.store(), new ParquetFormat(options.compression()), prefix, schema,
        deltaSchema, partitionBy, options.targetFileSize());
  }

  /**
   * An upsert has one writer, which numbers the rows as they arrive: of rows with one key, the last arrived is the
   * one the table keeps ({@link DeltaRunKeys}), which several writers taking batches at once could not tell.
   */
  @Override
  public int maxWriters() {
    return request.strategy().kind() == WriteStrategy.Kind.UPSERT ? 1 : MAX_WRITERS;
  }

  @Override
  public SplitWriter openWriter(int index) {
    String prefix = filePrefix(request.runId()) + "-w" + index;
    DeltaSplitWriter writer = writer(prefix, request.schema());
    return request.strategy().kind() == WriteStrategy.Kind.UPSERT ? writer.recordingOrder() : writer;
  }

  /** Data files of a run start with this: how a rerun finds what an earlier attempt committed. */
  static String filePrefix(String runId) {
    return "part-" + runId;
  }

  @Override
  public synchronized long commit(List<Fragment> fragments) {
    if (committed || aborted) {
      throw new IllegalStateException(committed ? "already committed" : "already aborted");
    }
    List<DeltaDataFile> files = new ArrayList<>();
    long rows = 0;
    for (Fragment f : fragments) {
      DeltaFragment d = (DeltaFragment) f;
      files.addAll(d.files());
      rows += d.rows();
    }
    Engine engine = tables.engine();
    try {
      WriteStrategy.Kind kind = request.strategy().kind();
      List<Row> actions = new ArrayList<>();
      DeltaBatchMarker marker = DeltaBatchMarker.domain(appId);
      Optional<String> retriedRun = read.flatMap(s -> marker.committedRun(s, request.batchId()));
      if (kind == WriteStrategy.Kind.UPSERT) {
        io.copyjob.data.Schema tableSchema = DeltaTypeMapping.fromDelta(deltaSchema, table);
        DeltaRunKeys runKeys = new DeltaRunKeys(tables, DeltaColumnMapping.of(deltaSchema), tableSchema, keys);
        // A source whose primary key is the upsert's keys has each key once in a run: nothing to reduce, and
        // no need to read the run's keys back (an initial upsert may be large).
        if (!(keys.size() == request.primaryKey().size() && request.primaryKey().containsAll(keys))) {
          files = new ArrayList<>(runKeys.keepLastRowPerKey(files, () -> writer(filePrefix(request.runId()) + "-d",
              tableSchema)));
          rows -= runKeys.replacedRows();
        }
        if (read.isPresent()) {
          DeltaUpsert upsert = new DeltaUpsert(tables, request, read.get(), keys, deltaSchema, this, options);
          files.addAll(upsert.rewrite(files, runKeys, actions));
        }
      } else if (kind == WriteStrategy.Kind.OVERWRITE && read.isPresent()) {
        removeLive(read.get(), name -> true, actions);
      } else if (retriedRun.isPresent()) {
        String prefix = filePrefix(retriedRun.get()) + "-";
        LOG.info("table {}: batch {} was committed by run {} whose watermark was never saved; replacing its files",
            table, request.batchId().orElse(""), retriedRun.get());
        removeLive(read.get(), name -> name.startsWith(prefix), actions);
      }
      if (files.isEmpty() && actions.isEmpty() && !create && kind == WriteStrategy.Kind.APPEND) {
        return 0; // nothing to add: no empty commit
      }
      // One write context per partition value: it carries the values into the add actions.
      Map<Map<String, io.delta.kernel.expressions.Literal>, List<DataFileStatus>> byPartition =
          new java.util.LinkedHashMap<>();
      long now = System.currentTimeMillis();
      for (DeltaDataFile f : files) {
        byPartition.computeIfAbsent(f.partition(), k -> new ArrayList<>()).add(
            new DataFileStatus(tables.fileIO().qualify(f.path()), f.size(), now, Optional.of(f.stats())));
      }
      for (var group : byPartition.entrySet()) {
        DataWriteContext context = Transaction.getWriteContext(engine, state, group.getKey());
        try (CloseableIterator<Row> adds = Transaction.generateAppendActions(engine, state,
            io.delta.kernel.internal.util.Utils.toCloseableIterator(group.getValue().iterator()), context)) {
          adds.forEachRemaining(actions::add);
        }
      }
      if (request.batchId().isPresent() && (create || read.map(DeltaBatchMarker::supported).orElse(false))) {
        txn.addDomainMetadata(marker.name(), marker.config(request.batchId().get(), request.runId()));
      }
      TransactionCommitResult result = txn.commit(engine, CloseableIterable.inMemoryIterable(
          io.delta.kernel.internal.util.Utils.toCloseableIterator(actions.iterator())));
      committed = true;
      LOG.info("table {}: committed version {} ({} data file(s), {} rows)", table, result.getVersion(), files.size(), rows);
      return rows;
    } catch (ConcurrentTransactionException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "another run of job '" + request.jobName()
          + "' committed to this Delta table at the same time (" + e.getMessage() + "); this run's rows were not "
          + "committed").table(table).cause(e).build();
    } catch (ConcurrentWriteException | io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException e) {
      String why = request.strategy().kind() == WriteStrategy.Kind.UPSERT
          ? ", and its rows may hold the same keys" : " and kept winning the race for the next version";
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "another writer committed to this Delta table while this "
          + request.strategy() + " ran" + why + "; nothing was committed, run the job again (" + e.getMessage() + ")")
          .table(table).cause(e).build();
    } catch (io.delta.kernel.exceptions.CommitStateUnknownException e) {
      outcomeUnknown = true;
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "the commit to the Delta table may or may not have "
          + "happened (" + e.getMessage() + "); its data files are left in place. Read the table's history before "
          + "running the job again").table(table).cause(e).build();
    } catch (IOException | RuntimeException e) {
      throw tables.failure(request.target(), "commit to the Delta table", e);
    }
  }

  /** Adds a remove action for each live file whose name passes {@code which}. */
  private void removeLive(Snapshot snapshot, java.util.function.Predicate<String> which, List<Row> actions)
      throws IOException {
    long now = System.currentTimeMillis();
    try (CloseableIterator<FilteredColumnarBatch> scan = snapshot.getScanBuilder().build()
        .getScanFiles(tables.engine(), true)) {
      while (scan.hasNext()) {
        try (CloseableIterator<Row> rows = scan.next().getRows()) {
          while (rows.hasNext()) {
            Row file = rows.next();
            if (which.test(StorePaths.name(KernelActions.fileStatus(file).getPath()))) {
              actions.add(KernelActions.removeAction(file, now));
            }
          }
        }
      }
    }
  }

  @Override
  public synchronized void abort() {
    if (committed || aborted) {
      return;
    }
    aborted = true;
    if (outcomeUnknown) {
      // The log may name the files: deleting them could break the table. Left for VACUUM.
      LOG.warn("table {}: the commit's outcome is unknown; its data files are left in place", table);
      return;
    }
    for (PendingFile p : tracked) {
      p.abort();
      try {
        tables.store().delete(p.path());
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not remove {} after a failed write: {}", tables.store().displayName(p.path()), e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!committed && !aborted) {
      abort();
    }
  }
}
