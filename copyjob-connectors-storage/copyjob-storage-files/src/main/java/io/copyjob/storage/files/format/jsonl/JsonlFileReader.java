package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.RowRangeInputStream;
import io.copyjob.storage.files.format.RowSpan;
import io.copyjob.storage.files.format.TextInput;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one JSON Lines file, or the lines of one byte range of it, with a single streaming parser: one JSON
 * object per line, every value kept as its literal text (see {@link JsonlTypeMapping}). Line numbers of a range
 * count from the range's first line.
 */
final class JsonlFileReader implements FormatReader {
  private final String file;
  private final TextInput input;
  private final JsonParser parser;
  private Map<String, Integer> outputIndex;
  private Set<String> known;
  private Schema columns;
  private BatchSizer sizer;
  private int[] filledRow;
  private boolean done;

  JsonlFileReader(FileStore store, FilePart part, Compression compression) {
    this.file = part.describe(store.displayName(part.file().path()));
    try {
      this.input = TextInput.open(store, part, compression.forFile(part.file().name()),
          RowRangeInputStream.Rows.LINES);
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
    JsonParser p;
    try {
      p = JsonText.FACTORY.createParser(input.stream());
    } catch (IOException e) {
      input.close();
      throw FileErrors.readFailure(file, e);
    }
    this.parser = p;
  }

  /** The keys of the first {@code lines} objects, in first-seen order. */
  Set<String> sampleKeys(int lines) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      for (int n = 0; n < lines && nextObject(); n++) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          keys.add(parser.currentName());
          parser.nextToken();
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
    return keys;
  }

  /** Chooses the output columns; {@code datasetSchema} lists every key a line may have. */
  void project(Schema datasetSchema, Schema wanted, int batchRows) {
    this.columns = wanted;
    this.known = new java.util.HashSet<>(datasetSchema.names());
    this.outputIndex = new HashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      outputIndex.put(wanted.field(i).name(), i);
    }
    this.sizer = new BatchSizer(batchRows);
    this.filledRow = new int[wanted.size()];
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, sizer.maxRows());
    Arrays.fill(filledRow, -1);
    int rows = 0;
    try {
      while (true) {
        if (!nextObject()) {
          done = true;
          break;
        }
        long line = parser.currentTokenLocation().getLineNr();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonToken value = parser.nextToken();
          Integer out = outputIndex.get(key);
          if (out == null) {
            if (!known.contains(key)) {
              throw FileErrors.badInput(file, line, "the line has the key '" + key + "', which is not among the "
                  + "dataset's columns " + known + " (the keys of the first " + JsonlTypeMapping.SAMPLE_LINES
                  + " lines of its first file)", null);
            }
            parser.skipChildren();
            continue;
          }
          ObjectVector v = batch.objects(out);
          String text = text(parser, value);
          if (text == null) {
            v.setNull(rows);
          } else {
            v.set(rows, text);
          }
          filledRow[out] = rows;
        }
        for (int c = 0; c < filledRow.length; c++) {
          if (filledRow[c] != rows) {
            batch.column(c).setNull(rows);
          }
        }
        rows++;
        if (sizer.isFull(batch, rows)) {
          break;
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
    if (rows == 0) {
      return null;
    }
    batch.setRowCount(rows);
    return batch;
  }

  /** Moves to the start of the next line's object; false at the end of the file. */
  private boolean nextObject() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw FileErrors.badInput(file, parser.currentTokenLocation().getLineNr(),
          "expected a JSON object but the line holds " + describe(t), null);
    }
    return true;
  }

  /** The text of the value at token {@code t}: see {@link JsonlTypeMapping}; null for JSON null. */
  static String text(JsonParser parser, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case START_OBJECT:
      case START_ARRAY:
        return JsonText.compact(parser);
      default:
        // Strings unescaped; numbers as their literal, so no digit is lost to double or BigDecimal rounding.
        return parser.getText();
    }
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case START_ARRAY: return "an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_NULL: return "null";
      default: return "a " + t.asString();
    }
  }

  private RuntimeException failure(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      return FileErrors.badInput(file, at == null ? 0 : at.getLineNr(), "not valid JSON: " + j.getOriginalMessage(), e);
    }
    return FileErrors.readFailure(file, e);
  }

  @Override
  public long bytesRead() {
    return input.bytesRead();
  }

  @Override
  public Optional<RowSpan> rowSpan() {
    return done ? input.span() : Optional.empty();
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      }
    } catch (IOException e) {
      // Nothing was written; a failed close of a read stream loses nothing.
    }
    input.close();
  }
}
