package io.copyjob.core.definition;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.TableSpec;
import io.copyjob.internal.ConnectorRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saves {@link CopyJob}s as JSON job definitions and loads them back into equal jobs.
 *
 * <pre>{@code
 * String json = JobDefinitions.save(job);                 // no secret in it: sensitive options are references
 * CopyJob again = JobDefinitions.load(json, b -> b
 *     .watermarkStore(WatermarkStores.file(dir))          // runtime wiring is not part of a definition
 *     .secretResolver(name -> vault.read(name)));
 * assert again.equals(job);
 * }</pre>
 *
 * <p>Loading checks the JSON and then runs {@link CopyJob.Builder#build()}, so the connectors must be on the class
 * path and their options are validated; every error is a {@link CopyJobException} of kind USER_CONFIG whose
 * message names the JSON path of the problem, e.g. {@code $.tables[1].mode} or {@code $.source.options}. See the
 * {@linkplain io.copyjob.core.definition package documentation} for the format.
 */
public final class JobDefinitions {
  private JobDefinitions() {
  }

  /**
   * {@code job} as a pretty-printed JSON definition.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_OPTION} when a sensitive option holds a secret rather than a
   *     {@code ${env:NAME}} or {@code ${secret:NAME}} reference
   */
  public static String save(CopyJob job) {
    return JobDefinition.of(job).toJson();
  }

  /** Writes {@code job}'s definition to {@code file}, replacing it atomically where the file system can. */
  public static void save(CopyJob job, Path file) {
    String json = save(job);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot write the job definition " + file + ": " + e)
          .job(job.name()).cause(e).build();
    }
  }

  /** The job defined by {@code json}, with no runtime wiring (in-memory watermarks and history). */
  public static CopyJob load(String json) {
    return load(json, b -> { });
  }

  /**
   * The job defined by {@code json}; {@code runtime} adds what a definition does not hold (watermark store, run
   * history store, secret resolver, listeners) before the job is built.
   *
   * @throws CopyJobException of kind USER_CONFIG naming the JSON path of the problem
   */
  public static CopyJob load(String json, Consumer<CopyJob.Builder> runtime) {
    return build(JobDefinition.parse(json), runtime);
  }

  /** The job defined in {@code file}; see {@link #load(String, Consumer)}. */
  public static CopyJob load(Path file, Consumer<CopyJob.Builder> runtime) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "cannot read the job definition " + file + ": " + e)
          .cause(e).build();
    }
    try {
      return load(json, runtime);
    } catch (CopyJobException e) {
      throw e.toBuilder().detail(file + ": " + e.detail()).build();
    }
  }

  /** Builds the job of {@code definition}, turning an error of {@code build()} into one naming the JSON path. */
  static CopyJob build(JobDefinition definition, Consumer<CopyJob.Builder> runtime) {
    requireConnector(definition.source(), "$.source.type");
    requireConnector(definition.destination(), "$.destination.type");
    CopyJob.Builder b = definition.toBuilder();
    runtime.accept(b);
    try {
      return b.build();
    } catch (CopyJobException e) {
      throw e.toBuilder().detail(pathOf(e, definition) + ": " + e.detail()).build();
    }
  }

  private static void requireConnector(ConnectorSpec spec, String path) {
    try {
      ConnectorRegistry.find(spec.type());
    } catch (CopyJobException e) {
      throw e.toBuilder().detail(path + ": " + e.detail()).build();
    }
  }

  /** Where in the JSON the problem that {@code build()} reported lies, as well as it can tell. */
  private static String pathOf(CopyJobException e, JobDefinition d) {
    String detail = e.detail() == null ? "" : e.detail();
    if (detail.startsWith("source: ")) {
      return "$.source.options";
    }
    if (detail.startsWith("destination: ")) {
      return "$.destination.options";
    }
    if (detail.endsWith("cannot be a source")) {
      return "$.source.type";
    }
    if (detail.endsWith("cannot be a destination")) {
      return "$.destination.type";
    }
    if (detail.startsWith("parallelism")) {
      return "$.parallelism";
    }
    if (detail.startsWith("batchRows")) {
      return "$.batchRows";
    }
    if (e.table().isPresent()) {
      List<TableSpec> tables = d.tables();
      for (int i = 0; i < tables.size(); i++) {
        if (tables.get(i).selector().equals(e.table().get())) {
          String table = "$.tables[" + i + "]";
          if (e.code() == ErrorCode.UNSUPPORTED_WRITE_STRATEGY) {
            return table + ".write";
          }
          if (detail.contains("renamed to")) {
            return table + ".columnRenames";
          }
          if (detail.contains("selected")) {
            return table + ".columns";
          }
          if (tables.get(i).targetName().isPresent()) {
            return table + ".targetName";
          }
          return table;
        }
      }
    }
    return "$";
  }
}
