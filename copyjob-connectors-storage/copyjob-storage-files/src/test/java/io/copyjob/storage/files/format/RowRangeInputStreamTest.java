package io.copyjob.storage.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges of every size, over every boundary: each row read once, spans chained. */
class RowRangeInputStreamTest {

  private static String read(byte[] file, long start, long end, RowRangeInputStream.Rows rows, List<RowSpan> spans)
      throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(file);
    in.skipNBytes(RowRangeInputStream.openOffset(start));
    try (RowRangeInputStream range = new RowRangeInputStream(in, start, end, rows)) {
      byte[] out = range.readAllBytes();
      spans.add(range.span());
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private static void assertEveryRangeSizeReadsTheFileOnce(String text, RowRangeInputStream.Rows rows)
      throws IOException {
    byte[] file = text.getBytes(StandardCharsets.UTF_8);
    for (int size = 1; size <= file.length + 1; size++) {
      StringBuilder all = new StringBuilder();
      List<RowSpan> spans = new ArrayList<>();
      for (long start = 0; start < file.length || start == 0; start += size) {
        boolean last = start + size >= file.length;
        all.append(read(file, start, last ? Long.MAX_VALUE : start + size, rows, spans));
      }
      assertThat(all.toString()).as("ranges of %d bytes", size).isEqualTo(text);
      assertThat(spans.get(0).first()).isZero();
      for (int i = 1; i < spans.size(); i++) {
        assertThat(spans.get(i).first()).as("range %d of %d bytes", i, size).isEqualTo(spans.get(i - 1).next());
      }
      assertThat(spans.get(spans.size() - 1).next()).isEqualTo(file.length);
    }
  }

  @Test
  void linesAreCutAtLineFeeds() throws IOException {
    assertEveryRangeSizeReadsTheFileOnce("{\"a\":1}\n{\"a\":22}\n\n{\"a\":333}\r\n{\"b\":\"x\"}\n{\"c\":4}", 
        RowRangeInputStream.Rows.LINES);
    assertEveryRangeSizeReadsTheFileOnce("one line without end", RowRangeInputStream.Rows.LINES);
    assertEveryRangeSizeReadsTheFileOnce("\n\n\n", RowRangeInputStream.Rows.LINES);
  }

  @Test
  void csvQuotesAreFollowedFromTheRangeStart() throws IOException {
    RowRangeInputStream.Rows csv = RowRangeInputStream.Rows.csv('"', ',');
    assertEveryRangeSizeReadsTheFileOnce("id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\r\n4,\"\"\r\n5,x", csv);
    // A quoted line break is kept inside its row when the range starts at a true row start.
    byte[] quoted = "a,b\n1,\"x\ny\"\n2,z\n".getBytes(StandardCharsets.UTF_8);
    List<RowSpan> spans = new ArrayList<>();
    assertThat(read(quoted, 0, 5, csv, spans)).isEqualTo("a,b\n1,\"x\ny\"\n");
    assertThat(spans.get(0)).isEqualTo(new RowSpan(0, 12));
  }

  @Test
  void aRangeStartingInsideQuotesReportsWhereItBeganSoTheMismatchCanBeSeen() throws IOException {
    RowRangeInputStream.Rows csv = RowRangeInputStream.Rows.csv('"', ',');
    byte[] file = "a,b\n1,\"x\n9,y\"\n2,z\n".getBytes(StandardCharsets.UTF_8);
    List<RowSpan> spans = new ArrayList<>();
    read(file, 0, 6, csv, spans);   // true rows: header, then row 1 spanning the quoted line break, ends at 14
    read(file, 6, 100, csv, spans); // assumes the line feed at 8 ends a row: begins at 9, inside the quotes
    assertThat(spans.get(0).next()).isEqualTo(14);
    assertThat(spans.get(1).first()).isEqualTo(9);
  }
}
