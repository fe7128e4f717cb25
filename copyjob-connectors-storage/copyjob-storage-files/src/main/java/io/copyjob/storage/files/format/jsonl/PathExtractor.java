package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.copyjob.storage.files.format.declared.JsonPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the values at a set of {@link JsonPath}s out of one JSON object in a single streaming pass: the paths
 * form a tree; members and array elements no path leads into are skipped unparsed. A value is its text as
 * {@link JsonlTypeMapping} reads it (strings unescaped, numbers as written, objects and arrays as compact JSON);
 * a path the object does not have, or a JSON null, gives null.
 */
final class PathExtractor {
  private final Node root = new Node();
  private final int size;

  /** One output slot per path, in order. */
  PathExtractor(List<JsonPath> paths) {
    this.size = paths.size();
    for (int i = 0; i < paths.size(); i++) {
      JsonPath p = paths.get(i);
      Node n = root;
      for (int s = 0; s < p.depth(); s++) {
        n = n.child(p.step(s));
      }
      n.slots.add(i);
    }
  }

  /**
   * Reads the object whose START_OBJECT the parser is at, through its END_OBJECT, into {@code values} (one per
   * path, null where absent).
   */
  void read(JsonParser parser, String[] values) throws IOException {
    Arrays.fill(values, 0, size, null);
    object(parser, root, values);
  }

  private void object(JsonParser p, Node node, String[] values) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Node child = node.members == null ? null : node.members.get(p.currentName());
      JsonToken t = p.nextToken();
      if (child == null) {
        p.skipChildren();
      } else {
        value(p, t, child, values);
      }
    }
  }

  private void array(JsonParser p, Node node, String[] values) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      Node child = node.indexes == null ? null : node.indexes.get(index);
      index++;
      if (child == null) {
        p.skipChildren();
      } else {
        value(p, t, child, values);
      }
    }
  }

  private void value(JsonParser p, JsonToken t, Node node, String[] values) throws IOException {
    if (!node.slots.isEmpty()) {
      // A wanted value: take it whole (a path below it, if any, is not looked into).
      String text = JsonlFileReader.text(p, t);
      for (int slot : node.slots) {
        values[slot] = text;
      }
    } else if (t == JsonToken.START_OBJECT) {
      object(p, node, values);
    } else if (t == JsonToken.START_ARRAY) {
      array(p, node, values);
    }
  }

  /** A step of the path tree. */
  private static final class Node {
    Map<String, Node> members;
    Map<Integer, Node> indexes;
    final List<Integer> slots = new ArrayList<>(1);

    Node child(Object step) {
      if (step instanceof Integer i) {
        if (indexes == null) {
          indexes = new HashMap<>();
        }
        return indexes.computeIfAbsent(i, k -> new Node());
      }
      if (members == null) {
        members = new HashMap<>();
      }
      return members.computeIfAbsent((String) step, k -> new Node());
    }
  }
}
