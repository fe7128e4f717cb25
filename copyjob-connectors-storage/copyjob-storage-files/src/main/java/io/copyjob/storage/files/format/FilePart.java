package io.copyjob.storage.files.format;

import io.copyjob.storage.files.store.FileInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a file one reader reads: the whole file, a byte range of an uncompressed CSV or JSON Lines file
 * (the rows that start in {@code [start, end)}), or the Parquet row groups that start in {@code [start, end)}.
 *
 * @param file  the file
 * @param start first byte of the part, inclusive
 * @param end   end of the part, exclusive
 * @param index this part's number among the parts of the file, from 0
 * @param count how many parts the file was cut into
 */
public record FilePart(FileInfo file, long start, long end, int index, int count) {

  /** Checks the bounds. */
  public FilePart {
    Objects.requireNonNull(file, "file");
    if (start < 0 || end < start || index < 0 || index >= count) {
      throw new IllegalArgumentException("bad part " + index + "/" + count + " [" + start + ", " + end + ") of "
          + file.path());
    }
  }

  /** The whole of {@code file} as one part. */
  public static FilePart whole(FileInfo file) {
    return new FilePart(file, 0, Math.max(0, file.size()), 0, 1);
  }

  /**
   * Cuts {@code file} into parts of consecutive blocks (Parquet row groups, ORC stripes) of about
   * {@code targetBytes} each; a part covers the blocks that start in its byte range (the first part starts at 0,
   * the last ends at the end of the file). One block or one group gives the whole file.
   *
   * @param starts where each block starts, ascending
   * @param sizes  each block's size in bytes
   */
  public static List<FilePart> ofBlocks(FileInfo file, long[] starts, long[] sizes, long targetBytes) {
    List<Long> partStarts = new ArrayList<>();
    long inGroup = 0;
    for (int i = 0; i < starts.length; i++) {
      if (i == 0 || inGroup >= targetBytes) {
        partStarts.add(i == 0 ? 0 : starts[i]);
        inGroup = 0;
      }
      inGroup += sizes[i];
    }
    if (partStarts.size() <= 1) {
      return List.of(whole(file));
    }
    List<FilePart> parts = new ArrayList<>(partStarts.size());
    for (int i = 0; i < partStarts.size(); i++) {
      long end = i + 1 < partStarts.size() ? partStarts.get(i + 1) : file.size();
      parts.add(new FilePart(file, partStarts.get(i), end, i, partStarts.size()));
    }
    return parts;
  }

  /** Whether this part is the whole file. */
  public boolean isWhole() {
    return count == 1;
  }

  /** {@code name} for a whole file, {@code name [bytes a-b)} for a part. */
  public String describe(String name) {
    return isWhole() ? name : name + " [bytes " + start + "-" + end + ")";
  }
}
