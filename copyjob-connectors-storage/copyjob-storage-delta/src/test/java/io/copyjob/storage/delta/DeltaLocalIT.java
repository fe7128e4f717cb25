package io.copyjob.storage.delta;

import io.copyjob.ConnectorSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Delta contract on the local file system. */
class DeltaLocalIT extends DeltaCopyContract {
  @TempDir
  Path lakes;

  @Override
  ConnectorSpec lake(String test) {
    return DeltaLocation.of(lakes.resolve(test));
  }
}
