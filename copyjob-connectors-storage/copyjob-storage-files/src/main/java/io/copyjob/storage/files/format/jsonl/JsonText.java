package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Jackson plumbing shared by the JSON Lines reader and writer: one factory, and an exact copy of a JSON value
 * from a parser to a generator that keeps number literals digit for digit (Jackson's own copy goes through
 * {@code double} for some numbers).
 */
final class JsonText {
  /** Long strings are legitimate data here; Jackson's default cap (20 M chars) would fail them. */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private JsonText() {
  }

  /**
   * Copies the value the parser is at (a scalar, or a whole object or array) to {@code out}.
   */
  static void copyValue(JsonParser in, JsonGenerator out) throws IOException {
    JsonToken t = in.currentToken();
    switch (t) {
      case START_OBJECT:
        out.writeStartObject();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          out.writeFieldName(in.currentName());
          in.nextToken();
          copyValue(in, out);
        }
        out.writeEndObject();
        break;
      case START_ARRAY:
        out.writeStartArray();
        while (in.nextToken() != JsonToken.END_ARRAY) {
          copyValue(in, out);
        }
        out.writeEndArray();
        break;
      case VALUE_STRING:
        out.writeString(in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        out.writeNumber(in.getText());
        break;
      case VALUE_TRUE:
        out.writeBoolean(true);
        break;
      case VALUE_FALSE:
        out.writeBoolean(false);
        break;
      case VALUE_NULL:
        out.writeNull();
        break;
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  /** The value the parser is at as compact JSON text. */
  static String compact(JsonParser in) throws IOException {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      copyValue(in, g);
    }
    return sw.toString();
  }

  /**
   * {@code text} as compact JSON when it is exactly one JSON object, array, number or boolean, else null.
   * A JSON string or {@code null} document is left out: embedded as a value it would read back as the
   * unquoted string or as NULL, no longer the same JSON text.
   */
  static String compactOrNull(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.VALUE_STRING || first == JsonToken.VALUE_NULL) {
        return null;
      }
      String compact = compact(p);
      return p.nextToken() == null ? compact : null;
    } catch (IOException e) {
      return null;
    }
  }
}
