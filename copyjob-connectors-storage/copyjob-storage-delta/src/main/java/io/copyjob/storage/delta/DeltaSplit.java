package io.copyjob.storage.delta;

import io.copyjob.spi.Split;

/** One live data file of the snapshot being read. */
record DeltaSplit(String path, long size, String displayName) implements Split {
  @Override
  public String describe() {
    return displayName;
  }
}
