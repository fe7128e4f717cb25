package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.RowSpan;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that the byte ranges of a file agreed on where rows begin. A range reader assumes that the first line
 * feed after its start ends a row; in a CSV file whose quoted values hold line breaks that may be false. The
 * reader of the previous range knows the truth (it parsed from a true row start), so when both have finished,
 * the row the later range began with must be the row the earlier one stopped before. Each reader reports its
 * {@link RowSpan} when it reaches its end; the second of two neighbours to report checks the pair and fails the
 * read with {@code BAD_INPUT} on a mismatch, before the engine commits anything. By induction from the first
 * range (which starts at a true row start, byte 0), all pairs agreeing means every row was read exactly once.
 */
final class RangeLedger {
  private final Map<String, Map<Integer, RowSpan>> spans = new HashMap<>();

  /** Records the span of {@code part} of {@code file} and checks it against its neighbours' spans. */
  synchronized void report(String file, FilePart part, RowSpan span) {
    Map<Integer, RowSpan> parts = spans.computeIfAbsent(file, f -> new HashMap<>());
    parts.put(part.index(), span);
    RowSpan before = parts.get(part.index() - 1);
    if (before != null && before.next() != span.first()) {
      throw mismatch(file, part.start(), before.next(), span.first());
    }
    RowSpan after = parts.get(part.index() + 1);
    if (after != null && span.next() != after.first()) {
      throw mismatch(file, part.end(), span.next(), after.first());
    }
    if (parts.size() == part.count()) {
      spans.remove(file);
    }
  }

  private static CopyJobException mismatch(String file, long boundary, long trueStart, long assumedStart) {
    return CopyJobException.builder(ErrorCode.BAD_INPUT, "the file cannot be read in byte ranges: near byte "
        + boundary + " the reader before the boundary ended its rows at byte " + trueStart + " but the reader after "
        + "it began at byte " + assumedStart + ", so a quoted value holds a line break there. Set the option "
        + "csv.multiline=true to read each CSV file whole").location("file " + file).build();
  }
}
