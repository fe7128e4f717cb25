package io.copyjob.storage.files.copyinto;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.TableCreation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link CopyInto} into the copy job that runs it: the {@code files} source with the load's options and
 * the {@code columns} built from the destination table, one table appended, with a reject policy (MAXERRORS,
 * always: its default 0 fails at the first rejected row) logged to the ERRORFILE.
 */
final class LoadPlanner {
  /** The {@code files} connector's option naming the one dataset its {@code locations} form. */
  static final String DATASET_OPTION = "dataset";

  private LoadPlanner() {
  }

  static CopyJob plan(CopyInto load) {
    // The files get the table's name, so that messages and run results name the table, not "files".
    String target = load.table().toString();
    Map<String, String> source = new LinkedHashMap<>(load.sourceOptions());
    source.put(DATASET_OPTION, target);
    RejectPolicy rejects = rejectPolicy(load);
    CopyJob.Builder builder = CopyJob.builder()
        .name(load.jobName())
        .source(ConnectorSpec.of("files", source))
        .destination(load.destination())
        .parallelism(load.parallelism())
        .table(target, t -> t.append().creation(TableCreation.MUST_EXIST).rejects(rejects));
    load.secretResolver().ifPresent(builder::secretResolver);
    CopyJob job = builder.build();

    // The destination is described as a run opens it: secret references resolved, secrets out of errors.
    Optional<DatasetInfo> table = job.describeDestination(target);
    List<String> excluded = new ArrayList<>();
    Optional<String> columns;
    if (table.isPresent()) {
      List<ColumnsOption.Column> list = ColumnsOption.columns(target, table.get().schema(), load.columns());
      columns = Optional.of(ColumnsOption.json(list));
      if (!load.identityInsert().on()) {
        // IDENTITY_INSERT OFF: the file's identity values are read (so fields keep their positions and are
        // checked) but not written; the destination generates them.
        for (ColumnsOption.Column c : list) {
          if (table.get().identityColumns().contains(c.field().name())) {
            excluded.add(c.field().name());
          }
        }
      }
    } else if (!load.autoCreateTable().on()) {
      throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "COPY INTO: table " + target
          + " does not exist in the destination; create it, or load with AUTO_CREATE_TABLE = 'ON'")
          .job(load.jobName()).table(target).build();
    } else {
      columns = AutoCreate.columns(load, source);
    }
    columns.ifPresent(json -> source.put(CopyInto.COLUMNS_OPTION, json));
    return job.toBuilder().source(ConnectorSpec.of("files", source)).editTable(target, t -> {
      t.creation(table.isPresent() ? TableCreation.MUST_EXIST : TableCreation.CREATE_IF_ABSENT);
      if (!excluded.isEmpty()) {
        t.excludeColumns(excluded.toArray(String[]::new));
      }
    }).build();
  }

  private static RejectPolicy rejectPolicy(CopyInto load) {
    RejectPolicy policy = load.maxErrorsPercent().isPresent()
        ? RejectPolicy.maxPercent(load.maxErrorsPercent().getAsDouble())
        : RejectPolicy.maxRows(load.maxErrors().orElse(0));
    if (load.errorFile().isPresent()) {
      ErrorFileLocation where = ErrorFileLocation.of(load, load.errorFile().get());
      policy = policy.loggedTo(new ErrorFileLog(where.folder(), where.storeOptions()));
    }
    return policy;
  }
}
