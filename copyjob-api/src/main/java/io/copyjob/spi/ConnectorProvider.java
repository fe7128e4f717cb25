package io.copyjob.spi;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.util.Set;

/**
 * Entry point of a connector, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.copyjob.spi.ConnectorProvider}.
 *
 * <p>A provider is stateless; it creates a {@link SourceConnector} or {@link SinkConnector} per job run from the
 * job's options. Typed configuration builders in the connector module (e.g. {@code PostgresConnection}) produce
 * the same options, so a job built in code and one read from JSON are the same job.
 */
public interface ConnectorProvider {

  /** The stable type name used in job definitions: {@code postgresql}, {@code files}, ... */
  String type();

  /** Option keys whose values are secret: masked in {@code toString()}, removed from every log and message. */
  default Set<String> sensitiveOptions() {
    return Set.of();
  }

  /** Whether this connector can read. */
  default boolean supportsSource() {
    return true;
  }

  /** Whether this connector can write. */
  default boolean supportsSink() {
    return true;
  }

  /** The write behaviours the sink supports; checked by {@code CopyJob.Builder.build()} without connecting. */
  default Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND);
  }

  /**
   * Checks options without connecting (required keys present, values well formed) and throws
   * {@link CopyJobException} with {@link ErrorCode#INVALID_OPTION} naming the option when one is wrong.
   */
  default void validateOptions(ConnectorOptions options, ConnectorRole role) {
  }

  /** Creates a source for one run. The caller closes it. */
  default SourceConnector createSource(ConnectorOptions options) {
    throw CopyJobException.of(ErrorCode.INVALID_JOB, "the " + type() + " connector cannot be a source");
  }

  /** Creates a sink for one run. The caller closes it. */
  default SinkConnector createSink(ConnectorOptions options) {
    throw CopyJobException.of(ErrorCode.INVALID_JOB, "the " + type() + " connector cannot be a destination");
  }
}
