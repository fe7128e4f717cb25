package io.copyjob.storage.files.format;

import io.copyjob.storage.files.store.FileInfo;
import java.util.ArrayList;
import java.util.List;

/** Cuts text files into byte ranges for {@link RowRangeInputStream}. */
public final class TextSplits {
  private TextSplits() {
  }

  /**
   * Consecutive ranges of {@code targetBytes} covering {@code file} (the last one shorter); the whole file when
   * it is no larger than {@code targetBytes}.
   */
  public static List<FilePart> byteRanges(FileInfo file, long targetBytes) {
    long size = file.size();
    if (targetBytes <= 0 || size <= targetBytes) {
      return List.of(FilePart.whole(file));
    }
    long count = (size + targetBytes - 1) / targetBytes;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("split size " + targetBytes + " cuts " + file.path() + " into too many parts");
    }
    List<FilePart> parts = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      long start = i * targetBytes;
      parts.add(new FilePart(file, start, Math.min(size, start + targetBytes), i, (int) count));
    }
    return parts;
  }
}
