package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.declared.ByNameReader;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One read of a dataset: the file list taken when the session began. When the engine asks for more than one
 * split, files larger than the split size are cut into parts (byte ranges of uncompressed CSV and JSON Lines,
 * groups of Parquet row groups; see {@link io.copyjob.storage.files.format.FileFormat#split}); otherwise one
 * split per file. Files have no cheap maximum, so {@link #upperBound()} is empty and the engine takes the
 * largest watermark value it sees; rows at or below the saved watermark are dropped while reading
 * ({@link WatermarkFilter}).
 */
final class FilesReadSession implements ReadSession {
  private final List<DatasetLayout.DataFile> files;
  private final long splitSize;
  private final RangeLedger ledger = new RangeLedger();
  private final ReadRequest request;
  private final Schema readSchema;
  private final int watermarkIndex;
  private final WatermarkFilter filter;
  private final DeclaredColumns declared;

  /** @param declared the declared columns of the files; null to read their own */
  FilesReadSession(List<DatasetLayout.DataFile> files, ReadRequest request, long splitSize,
      DeclaredColumns declared) {
    this.files = files;
    this.declared = declared;
    this.splitSize = splitSize;
    this.request = request;
    Schema columns = request.columns();
    Optional<Watermark> lower = request.lowerExclusive();
    if (lower.isPresent() && request.watermarkColumn().isPresent()) {
      String column = request.watermarkColumn().get();
      Field field = request.dataset().schema().find(column).orElseThrow(() -> CopyJobException.builder(
          ErrorCode.COLUMN_NOT_FOUND, "the incremental column '" + column + "' is not a column of the dataset "
          + request.dataset().schema().names()).column(column).table(request.dataset().id().toString()).build());
      int inColumns = columns.indexOf(column);
      if (inColumns >= 0) {
        this.readSchema = columns;
        this.watermarkIndex = inColumns;
      } else {
        // Read the incremental column too, to filter on it, and drop it before handing batches out.
        List<Field> withWatermark = new ArrayList<>(columns.fields());
        withWatermark.add(field);
        this.readSchema = Schema.of(withWatermark);
        this.watermarkIndex = columns.size();
      }
      this.filter = new WatermarkFilter(column, field.type(), lower.get());
    } else {
      this.readSchema = columns;
      this.watermarkIndex = -1;
      this.filter = null;
    }
  }

  @Override
  public List<Split> planSplits(Optional<Watermark> upperInclusive) {
    List<Split> splits = new ArrayList<>(files.size());
    long target = request.desiredSplits() > 1 ? splitSize : Long.MAX_VALUE;
    for (DatasetLayout.DataFile f : files) {
      String name = f.displayName();
      try {
        for (FilePart part : f.format().split(f.store(), f.file(), target)) {
          splits.add(new FileSplit(f.store(), part, f.format(), name));
        }
      } catch (CopyJobException e) {
        throw e.toBuilder().tableIfAbsent(request.dataset().id().toString()).build();
      }
    }
    return splits;
  }

  @Override
  public SplitReader openReader(Split split) {
    FileSplit s = (FileSplit) split;
    try {
      RowRejects rejects = request.rejects().orElse(null);
      FormatReader reader = declared != null && !s.format().readsDeclaredColumns()
          ? ByNameReader.open(s.format(), s.store(), s.part(), declared, readSchema, request.batchRows(), rejects)
          : s.format().openReader(s.store(), s.part(), request.dataset().schema(), readSchema, request.batchRows(),
              rejects);
      return new FileSplitReader(reader, request.columns(), filter, watermarkIndex, s.describe(),
          span -> ledger.report(s.fileName(), s.part(), span));
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(request.dataset().id().toString()).build();
    }
  }

  @Override
  public void close() {
    // Nothing held: each reader owns its file.
  }
}
