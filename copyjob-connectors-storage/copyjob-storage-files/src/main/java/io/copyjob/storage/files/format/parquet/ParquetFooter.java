package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Reads a Parquet file's schema from its footer without Hadoop on the class path, so that a sink checking an
 * existing folder before it writes (every run after the first) needs no more than writing does. Reading rows
 * still goes through parquet-java's reader, which loads Hadoop classes (parquet-java #2556).
 */
final class ParquetFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAIL = 8;

  private ParquetFooter() {
  }

  /** The copyjob schema of {@code file}, from its footer. */
  static Schema readSchema(FileStore store, FileInfo file) {
    String name = store.displayName(file.path());
    ParquetMetadata metadata = readMetadata(store, file);
    return ParquetTypeMapping.fromParquet(metadata.getFileMetaData().getSchema(),
        metadata.getFileMetaData().getKeyValueMetaData(), name);
  }

  /** The footer of {@code file}: schema and row groups. */
  static ParquetMetadata readMetadata(FileStore store, FileInfo file) {
    String name = store.displayName(file.path());
    try (RandomAccessInput in = store.openRandomAccess(file.path())) {
      long length = in.length();
      if (length < MAGIC.length + TAIL) {
        throw FileErrors.badInput(name, 0, "not a Parquet file: " + length + " bytes is too short", null);
      }
      byte[] tail = new byte[TAIL];
      in.readFully(length - TAIL, tail, 0, TAIL);
      for (int i = 0; i < MAGIC.length; i++) {
        if (tail[4 + i] != MAGIC[i]) {
          throw FileErrors.badInput(name, 0, "not a Parquet file: no PAR1 at its end", null);
        }
      }
      long footerLength = (tail[0] & 0xffL) | (tail[1] & 0xffL) << 8 | (tail[2] & 0xffL) << 16 | (tail[3] & 0xffL) << 24;
      if (footerLength <= 0 || footerLength > length - TAIL - MAGIC.length) {
        throw FileErrors.badInput(name, 0, "corrupt Parquet footer length " + footerLength, null);
      }
      byte[] footer = new byte[(int) footerLength];
      in.readFully(length - TAIL - footerLength, footer, 0, footer.length);
      FileMetaData thrift = Util.readFileMetaData(new ByteArrayInputStream(footer));
      return new ParquetMetadataConverter().fromParquetMetadata(thrift);
    } catch (IOException e) {
      throw FileErrors.badInput(name, 0, "cannot read the Parquet footer: " + e.getMessage(), e);
    }
  }
}
