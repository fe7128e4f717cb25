package io.copyjob.storage.delta;

import io.copyjob.spi.Split;

/** One live data file of the snapshot being read, with its partition values (text, as the log holds them). */
record DeltaSplit(String path, long size, java.util.Map<String, String> partition, String displayName)
    implements Split {
  @Override
  public String describe() {
    return displayName;
  }
}
