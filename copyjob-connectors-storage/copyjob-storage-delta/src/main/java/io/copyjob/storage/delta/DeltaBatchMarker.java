package io.copyjob.storage.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.internal.tablefeatures.TableFeatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The domain metadata a commit of copyjob leaves in the table: which batch of rows (see
 * {@link io.copyjob.spi.WriteRequest#batchId()}) the job last committed to it, and from which run. One domain per
 * job and table ({@code copyjob.batch.<hash of the application id>}); its configuration is
 * {@code <run id> <batch id>}.
 */
final class DeltaBatchMarker {
  private final String name;

  private DeltaBatchMarker(String name) {
    this.name = name;
  }

  static DeltaBatchMarker domain(String appId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(appId.getBytes(StandardCharsets.UTF_8));
      return new DeltaBatchMarker("copyjob.batch." + HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  String name() {
    return name;
  }

  String config(String batchId, String runId) {
    return runId + " " + batchId;
  }

  /** The run that committed {@code batchId} last, when the table's marker says it was this batch. */
  Optional<String> committedRun(Snapshot snapshot, Optional<String> batchId) {
    if (batchId.isEmpty() || !supported(snapshot)) {
      return Optional.empty();
    }
    return snapshot.getDomainMetadata(name).flatMap(config -> {
      int space = config.indexOf(' ');
      return space > 0 && config.substring(space + 1).equals(batchId.get())
          ? Optional.of(config.substring(0, space)) : Optional.empty();
    });
  }

  /** Whether the table's protocol allows domain metadata (tables copyjob creates do). */
  static boolean supported(Snapshot snapshot) {
    return TableFeatures.isDomainMetadataSupported(snapshot.getProtocol());
  }
}
