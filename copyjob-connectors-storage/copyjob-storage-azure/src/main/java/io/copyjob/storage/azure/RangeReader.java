package io.copyjob.storage.azure;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Downloads one byte range of one version of a file (pinned by its ETag) into a stream: a ranged Get Blob, or a
 * ranged Read Path. The shared reading code ({@link AzureRandomAccessInput}, {@link RangedInputStream}) needs no
 * more of a store than this.
 */
@FunctionalInterface
interface RangeReader {

  /** Writes bytes {@code position} to {@code position + length - 1} of the file to {@code target}. */
  void read(long position, int length, OutputStream target) throws IOException;
}
