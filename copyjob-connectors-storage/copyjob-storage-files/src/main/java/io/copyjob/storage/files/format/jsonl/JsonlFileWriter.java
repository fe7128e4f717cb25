package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.format.compress.Codecs;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;

/** Writes one JSON object per line (UTF-8, {@code \n} after each), keys in column order, optionally compressed. */
final class JsonlFileWriter implements FormatWriter {
  private final String file;
  private final JsonGenerator out;
  private final SerializedString[] names;
  private final JsonlTypeMapping.ValueWriter[] writers;
  private long rows;
  private boolean closed;

  JsonlFileWriter(PendingFile target, String file, Schema schema, Compression compression) {
    this.file = file;
    this.writers = JsonlTypeMapping.writers(schema);
    this.names = new SerializedString[schema.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = new SerializedString(schema.field(i).name());
    }
    try {
      this.out = JsonText.FACTORY.createGenerator(Codecs.encoding(compression, target.stream()));
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
    // Lines are separated by the newline written after each object, not by Jackson's default space.
    out.setRootValueSeparator(null);
  }

  @Override
  public void write(RecordBatch batch, int from, int to) {
    try {
      for (int r = from; r < to; r++) {
        out.writeStartObject();
        for (int c = 0; c < writers.length; c++) {
          out.writeFieldName(names[c]);
          ColumnVector v = batch.column(c);
          if (v.isNull(r)) {
            out.writeNull();
          } else {
            writers[c].write(out, v, r);
          }
        }
        out.writeEndObject();
        out.writeRaw('\n');
      }
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
    rows += to - from;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Flushes the generator's buffer into the pending file (or its compressor); see {@link FormatWriter}. */
  @Override
  public long estimatedBytes() {
    try {
      out.flush();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
    return -1;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
  }
}
