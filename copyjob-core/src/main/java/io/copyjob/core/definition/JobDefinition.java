package io.copyjob.core.definition;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.CopyMode;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableSpec;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The saved form of a {@link CopyJob}, without its runtime wiring: name, source, destination, tables,
 * parallelism and batch size. Immutable. It reads and writes the JSON described in the
 * {@linkplain io.copyjob.core.definition package documentation} and checks the JSON's structure (fields, types,
 * modes, write behaviours, logical types), naming the JSON path of a problem; it does not look for connectors
 * nor check their options: {@link #toBuilder()} then {@code build()} does, and {@link JobDefinitions} does both.
 */
public final class JobDefinition {
  /** Version of the JSON form written by this release; the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
      .withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final List<String> ROOT_FIELDS =
      List.of("formatVersion", "name", "source", "destination", "tables", "parallelism", "batchRows");
  private static final List<String> CONNECTOR_FIELDS = List.of("type", "options");
  private static final List<String> TABLE_FIELDS = List.of("selector", "targetName", "columns", "excludedColumns",
      "columnRenames", "conversions", "mode", "incrementalColumn", "write", "keys", "creation", "maxRejectedRows",
      "maxRejectedPercent");

  private final String name;
  private final ConnectorSpec source;
  private final ConnectorSpec destination;
  private final List<TableSpec> tables;
  private final int parallelism;
  private final int batchRows;

  private JobDefinition(String name, ConnectorSpec source, ConnectorSpec destination, List<TableSpec> tables,
      int parallelism, int batchRows) {
    this.name = name;
    this.source = source;
    this.destination = destination;
    this.tables = List.copyOf(tables);
    this.parallelism = parallelism;
    this.batchRows = batchRows;
  }

  /** The definition of {@code job}: everything {@link CopyJob#equals(Object)} compares. */
  public static JobDefinition of(CopyJob job) {
    return new JobDefinition(job.name(), job.source(), job.destination(), job.tables(), job.parallelism(),
        job.batchRows());
  }

  /**
   * A definition of these settings, checked only as far as the JSON form needs (name and connectors present, at
   * least one table); {@code build()} checks the rest.
   */
  public static JobDefinition of(String name, ConnectorSpec source, ConnectorSpec destination,
      List<TableSpec> tables, int parallelism, int batchRows) {
    if (name == null || name.isBlank()) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "a job needs a name: it keys watermarks and run history");
    }
    return new JobDefinition(name, Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(destination, "destination"), tables, parallelism, batchRows);
  }

  public String name() { return name; }

  public ConnectorSpec source() { return source; }

  public ConnectorSpec destination() { return destination; }

  public List<TableSpec> tables() { return tables; }

  public int parallelism() { return parallelism; }

  public int batchRows() { return batchRows; }

  /**
   * A job builder holding this definition; add the runtime wiring (watermark store, run history, secret
   * resolver, listeners) and {@code build()}.
   */
  public CopyJob.Builder toBuilder() {
    return into(CopyJob.builder());
  }

  /** Sets this definition's name, connectors, tables, parallelism and batch size on {@code builder}. */
  public CopyJob.Builder into(CopyJob.Builder builder) {
    builder.name(name).source(source).destination(destination).parallelism(parallelism).batchRows(batchRows);
    for (TableSpec t : tables) {
      builder.table(t);
    }
    return builder;
  }

  // ---------------------------------------------------------------------------------------------- writing

  /**
   * This definition as pretty-printed JSON, fields in a fixed order.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_OPTION} when a sensitive option (declared by the
   *     connector, or whose key names a password, secret, key, token or credential) holds a value rather than a
   *     {@code ${env:NAME}} or {@code ${secret:NAME}} reference, or when any option holds a secret written into
   *     its value (a URL's {@code password=} parameter, {@code user:password@}); the message names the option,
   *     never the value
   */
  public String toJson() {
    requireReferences(source, "source");
    requireReferences(destination, "destination");
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("name", name);
    root.set("source", connector(source));
    root.set("destination", connector(destination));
    ArrayNode tableNodes = root.putArray("tables");
    for (TableSpec t : tables) {
      tableNodes.add(table(t));
    }
    root.put("parallelism", parallelism);
    root.put("batchRows", batchRows);
    try {
      return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw CopyJobException.builder(ErrorCode.INTERNAL_ERROR, "cannot write job definition: " + e.getMessage())
          .job(name).cause(e).build();
    }
  }

  private void requireReferences(ConnectorSpec spec, String role) {
    for (String key : spec.sensitiveKeys()) {
      String value = spec.options().get(key);
      if (!value.isEmpty() && !SecretReferences.isReference(value)) {
        throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option '" + key + "' of the " + role + " ("
            + spec.type() + ") is secret and holds a value: a saved job definition never contains secrets. Set it"
            + " to a reference instead, ${env:NAME} for an environment variable or ${secret:NAME} for the job's"
            + " SecretResolver").job(name).build();
      }
    }
    // A secret written into another value (a URL's password= parameter or user:password@) is a secret too.
    for (Map.Entry<String, String> e : spec.options().entrySet()) {
      String masked = SecretReferences.maskReferences(e.getValue());
      if (!io.copyjob.spi.Redactor.urlsOnly().scrub(masked).equals(masked)) {
        throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option '" + e.getKey() + "' of the " + role
            + " (" + spec.type() + ") holds a secret in its value (a password=, token= or sig= parameter, or"
            + " user:password@): a saved job definition never contains secrets. Write it as a reference instead,"
            + " ${env:NAME} for an environment variable or ${secret:NAME} for the job's SecretResolver")
            .job(name).build();
      }
    }
  }

  private static ObjectNode connector(ConnectorSpec spec) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", spec.type());
    ObjectNode options = n.putObject("options");
    spec.options().forEach(options::put);
    return n;
  }

  private static ObjectNode table(TableSpec t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("selector", t.selector());
    t.targetName().ifPresent(v -> n.put("targetName", v));
    strings(n, "columns", t.columns());
    strings(n, "excludedColumns", t.excludedColumns());
    if (!t.columnRenames().isEmpty()) {
      ObjectNode renames = n.putObject("columnRenames");
      t.columnRenames().forEach(renames::put);
    }
    if (!t.conversions().isEmpty()) {
      ObjectNode conversions = n.putObject("conversions");
      t.conversions().forEach((c, type) -> conversions.put(c, type.toString()));
    }
    n.put("mode", t.mode().kind().name().toLowerCase(Locale.ROOT));
    t.mode().column().ifPresent(c -> n.put("incrementalColumn", c));
    n.put("write", t.writeStrategy().kind().name().toLowerCase(Locale.ROOT));
    strings(n, "keys", t.writeStrategy().keys());
    n.put("creation", t.creation() == TableCreation.CREATE_IF_ABSENT ? "createIfAbsent" : "mustExist");
    t.rejects().ifPresent(policy -> {
      if (policy.log().isPresent()) {
        // A log is code (an error file writer, a callback): saving only the limit would silently drop it.
        throw problem("tables['" + t.selector() + "']", "a rejected-rows log cannot be saved in a definition; "
            + "save the job without it and add it after loading");
      }
      if (policy.maxPercent().isPresent()) {
        n.put("maxRejectedPercent", policy.maxPercent().getAsDouble());
      } else {
        n.put("maxRejectedRows", policy.maxRows());
      }
    });
    return n;
  }

  private static void strings(ObjectNode n, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = n.putArray(field);
      values.forEach(a::add);
    }
  }

  // ---------------------------------------------------------------------------------------------- reading

  /**
   * Reads a definition from JSON, checking its structure.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_JOB} whose message starts with the JSON path of the
   *     problem ({@code $.tables[1].mode}) and says what was expected
   */
  public static JobDefinition parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "a job definition must be JSON; it is not" + where + ": "
          + e.getOriginalMessage()).build();
    }
    if (root == null || root.isMissingNode()) {
      throw problem("$", "expected a JSON object, got nothing");
    }
    Node r = new Node(root, "$");
    r.requireObject(ROOT_FIELDS);
    Node version = r.field("formatVersion");
    if (version.node == null) {
      throw problem("$.formatVersion", "is missing; expected " + FORMAT_VERSION);
    }
    if (!version.node.isIntegralNumber()) {
      throw problem(version.path, "expected the number " + FORMAT_VERSION + ", got " + describe(version.node));
    }
    if (version.node.asLong() != FORMAT_VERSION) {
      throw problem(version.path, "this release of copyjob reads format version " + FORMAT_VERSION + " only, got "
          + version.node.asText() + (version.node.asLong() > FORMAT_VERSION
          ? ": the definition was saved by a newer release" : ""));
    }
    String name = r.field("name").requiredText();
    if (name.isBlank()) {
      throw problem("$.name", "must not be empty: the name keys watermarks and run history");
    }
    ConnectorSpec source = connector(r.field("source"));
    ConnectorSpec destination = connector(r.field("destination"));
    Node tablesNode = r.field("tables");
    if (tablesNode.node == null) {
      throw problem(tablesNode.path, "is missing; expected an array of tables");
    }
    List<Node> tableNodes = tablesNode.elements();
    if (tableNodes.isEmpty()) {
      throw problem(tablesNode.path, "is empty; expected at least one table");
    }
    List<TableSpec> tables = new ArrayList<>();
    Set<String> selectors = new java.util.HashSet<>();
    for (Node t : tableNodes) {
      TableSpec spec = table(t);
      if (!selectors.add(spec.selector())) {
        throw problem(t.path + ".selector", "selects '" + spec.selector() + "' a second time");
      }
      tables.add(spec);
    }
    int parallelism = r.field("parallelism").optionalInt(CopyJob.DEFAULT_PARALLELISM);
    int batchRows = r.field("batchRows").optionalInt(io.copyjob.data.RecordBatch.DEFAULT_CAPACITY);
    return new JobDefinition(name, source, destination, tables, parallelism, batchRows);
  }

  private static ConnectorSpec connector(Node n) {
    if (n.node == null) {
      throw problem(n.path, "is missing; expected an object with \"type\" and \"options\"");
    }
    n.requireObject(CONNECTOR_FIELDS);
    String type = n.field("type").requiredText();
    if (type.isBlank()) {
      throw problem(n.path + ".type", "must not be empty; expected a connector type such as postgresql or files");
    }
    Map<String, String> options = new LinkedHashMap<>();
    Node o = n.field("options");
    if (o.node != null) {
      o.requireObject(null);
      for (Map.Entry<String, JsonNode> e : o.node.properties()) {
        JsonNode v = e.getValue();
        if (!v.isValueNode() || v.isNull()) {
          throw problem(Node.child(o.path, e.getKey()), "expected a text, number or boolean, got " + describe(v));
        }
        options.put(e.getKey(), v.asText());
      }
    }
    return ConnectorSpec.of(type, options);
  }

  private static TableSpec table(Node n) {
    n.requireObject(TABLE_FIELDS);
    Node selector = n.field("selector");
    String sel = selector.requiredText();
    if (sel.isBlank()) {
      throw problem(selector.path, "must not be empty; expected a table name or pattern");
    }
    TableSpec.Builder b = TableSpec.builder(sel);
    b.columns(n.field("columns").optionalTexts().toArray(String[]::new));
    b.excludeColumns(n.field("excludedColumns").optionalTexts().toArray(String[]::new));
    Node target = n.field("targetName");
    if (target.node != null) {
      b.renameTo(target.requiredText());
    }
    n.field("columnRenames").optionalTextMap().forEach(b::renameColumn);
    Node conversions = n.field("conversions");
    conversions.optionalTextMap().forEach((column, text) -> {
      try {
        b.convert(column, LogicalType.parse(text));
      } catch (IllegalArgumentException e) {
        throw problem(Node.child(conversions.path, column), "expected a logical type such as INT64, STRING(20),"
            + " DECIMAL(38,9) or TIMESTAMP(6); " + e.getMessage());
      }
    });
    Node mode = n.field("mode");
    Node column = n.field("incrementalColumn");
    switch (mode.optionalChoice("full", "full", "incremental")) {
      case "incremental":
        if (column.node == null) {
          throw problem(column.path, "is missing; an incremental table needs the column whose value grows");
        }
        String c = column.requiredText();
        if (c.isBlank()) {
          throw problem(column.path, "must not be empty");
        }
        b.incremental(c);
        break;
      default:
        if (column.node != null) {
          throw problem(column.path, "applies only to \"mode\": \"incremental\"");
        }
        b.full();
    }
    Node write = n.field("write");
    Node keys = n.field("keys");
    switch (write.optionalChoice("append", "append", "upsert", "overwrite")) {
      case "upsert":
        b.writeStrategy(WriteStrategy.upsert(keys.optionalTexts()));
        break;
      case "overwrite":
        b.writeStrategy(WriteStrategy.overwrite());
        break;
      default:
        b.writeStrategy(WriteStrategy.append());
    }
    if (keys.node != null && !write.text("append").equals("upsert")) {
      throw problem(keys.path, "applies only to \"write\": \"upsert\"");
    }
    b.creation(n.field("creation").optionalChoice("createIfAbsent", "createIfAbsent", "mustExist")
        .equals("mustExist") ? TableCreation.MUST_EXIST : TableCreation.CREATE_IF_ABSENT);
    Node maxRows = n.field("maxRejectedRows");
    Node maxPercent = n.field("maxRejectedPercent");
    if (maxRows.node != null && maxPercent.node != null) {
      throw problem(maxPercent.path, "give either maxRejectedRows or maxRejectedPercent, not both");
    }
    if (maxRows.node != null) {
      long rows = maxRows.optionalLong(0);
      if (rows < 0) {
        throw problem(maxRows.path, "cannot be negative");
      }
      b.rejects(RejectPolicy.maxRows(rows));
    } else if (maxPercent.node != null) {
      if (!maxPercent.node.isNumber() || maxPercent.node.doubleValue() < 0 || maxPercent.node.doubleValue() > 100) {
        throw problem(maxPercent.path, "expected a percentage from 0 to 100, got " + describe(maxPercent.node));
      }
      b.rejects(RejectPolicy.maxPercent(maxPercent.node.doubleValue()));
    }
    return b.build();
  }

  static CopyJobException problem(String path, String detail) {
    return CopyJobException.of(ErrorCode.INVALID_JOB, path + ": " + detail);
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "the text \"" + v.asText() + "\"";
    }
    return (v.isNumber() ? "the number " : "") + v.asText();
  }

  /** A JSON node and its path, with checked accessors whose errors name the path. */
  private static final class Node {
    final JsonNode node;
    final String path;

    Node(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    static String child(String path, String name) {
      return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name
          : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** Fails unless this is an object whose fields are all in {@code known} (any fields when null). */
    void requireObject(List<String> known) {
      if (!node.isObject()) {
        throw problem(path, "expected an object, got " + describe(node));
      }
      if (known != null) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          String f = property.getKey();
          if (!known.contains(f)) {
            throw problem(child(path, f), "unknown field; expected one of " + String.join(", ", known));
          }
        }
      }
    }

    /** The field {@code name} of this object; its node is null when absent. */
    Node field(String name) {
      return new Node(node.get(name), child(path, name));
    }

    List<Node> elements() {
      if (!node.isArray()) {
        throw problem(path, "expected an array, got " + describe(node));
      }
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(new Node(node.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    String requiredText() {
      if (node == null) {
        throw problem(path, "is missing; expected a text");
      }
      if (!node.isTextual()) {
        throw problem(path, "expected a text, got " + describe(node));
      }
      return node.asText();
    }

    String text(String absent) {
      return node == null || !node.isTextual() ? absent : node.asText();
    }

    int optionalInt(int absent) {
      if (node == null) {
        return absent;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw problem(path, "expected a whole number, got " + describe(node));
      }
      return node.intValue();
    }

    long optionalLong(long absent) {
      if (node == null) {
        return absent;
      }
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw problem(path, "expected a whole number, got " + describe(node));
      }
      return node.longValue();
    }

    /** One of {@code choices}, or {@code absent} when the field is missing. */
    String optionalChoice(String absent, String... choices) {
      if (node == null) {
        return absent;
      }
      String v = requiredText();
      for (String c : choices) {
        if (c.equals(v)) {
          return c;
        }
      }
      throw problem(path, "expected one of " + String.join(", ", choices) + ", got \"" + v + "\"");
    }

    List<String> optionalTexts() {
      List<String> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      for (Node e : elements()) {
        out.add(e.requiredText());
      }
      return out;
    }

    Map<String, String> optionalTextMap() {
      Map<String, String> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      requireObject(null);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), new Node(e.getValue(), child(path, e.getKey())).requiredText());
      }
      return out;
    }
  }

  // ---------------------------------------------------------------------------------------------- value

  @Override
  public boolean equals(Object o) {
    return o instanceof JobDefinition d && d.name.equals(name) && d.source.equals(source)
        && d.destination.equals(destination) && d.tables.equals(tables) && d.parallelism == parallelism
        && d.batchRows == batchRows;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, source, destination, tables, parallelism, batchRows);
  }

  /** Secrets masked. */
  @Override
  public String toString() {
    return "JobDefinition{" + name + ": " + source + " -> " + destination + ", tables=" + tables + "}";
  }
}
