package io.copyjob.core.watermark;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import java.util.Objects;
import java.util.Optional;

/** The compare step of compare-and-set, shared by the stores. */
final class Conflicts {
  private Conflicts() {
  }

  static void check(String job, DatasetId table, Optional<Watermark> expected, Optional<Watermark> actual) {
    if (!Objects.equals(expected.orElse(null), actual.orElse(null))) {
      throw CopyJobException.builder(ErrorCode.WATERMARK_CONFLICT, "the saved watermark is "
          + actual.map(Watermark::toText).orElse("absent") + " but this run started from "
          + expected.map(Watermark::toText).orElse("none") + ": another run of the job moved it")
          .job(job).table(table.toString()).build();
    }
  }
}
