package io.copyjob.storage.files.copyinto;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code files} connector options of a load (all but {@code columns}): where the files are, their format
 * and CSV dialect, and the store options CREDENTIAL maps to. This is the contract with the files connector.
 */
final class SourceOptions {
  static final String LOCATIONS_PREFIX = "locations.";
  static final String FORMAT = "format";
  static final String COMPRESSION = "compression";
  static final String DELIMITER = "csv.delimiter";
  static final String QUOTE = "csv.quote";
  static final String ROW_TERMINATOR = "csv.rowTerminator";
  static final String FIRST_ROW = "csv.firstRow";
  static final String HEADER = "csv.header";
  static final String ENCODING = "csv.encoding";
  static final String DATE_FORMAT = "csv.dateFormat";
  static final String MATCH_COLUMN_COUNT = "csv.matchColumnCount";

  private SourceOptions() {
  }

  static Map<String, String> of(CopyInto load) {
    Map<String, String> o = new LinkedHashMap<>();
    StoreKind store = null;
    for (int i = 0; i < load.locations().size(); i++) {
      String location = load.locations().get(i);
      StoreKind kind = StoreKind.of(location);
      if (store != null && kind != store) {
        throw CopyInto.invalid("FROM", "mixes " + store.description + " and " + kind.description
            + " location ('" + location + "'): one load reads one store");
      }
      store = kind;
      o.put(LOCATIONS_PREFIX + (i + 1), location);
    }
    o.put(FORMAT, load.fileType().format());
    boolean text = load.fileType() == FileType.CSV || load.fileType() == FileType.JSONL;
    if (text) {
      // Parquet and ORC files name their own codec in their metadata; COMPRESSION is for text files.
      load.compression().ifPresent(c -> o.put(COMPRESSION, c.name().toLowerCase(Locale.ROOT)));
    }
    if (load.fileType() == FileType.CSV) {
      o.put(HEADER, "false");
      o.put(DELIMITER, escaped(load.fieldTerminator()));
      o.put(QUOTE, load.fieldQuote());
      load.rowTerminator().ifPresent(t -> o.put(ROW_TERMINATOR, escaped(t)));
      if (load.firstRow() != 1) {
        o.put(FIRST_ROW, String.valueOf(load.firstRow()));
      }
      o.put(ENCODING, load.encoding().option());
      load.dateFormat().ifPresent(d -> o.put(DATE_FORMAT, d.option()));
      if (load.matchColumnCount().on()) {
        o.put(MATCH_COLUMN_COUNT, "true");
      }
    } else {
      csvOnly(load);
    }
    o.putAll(load.storeOptions());
    load.credential().ifPresent(c -> o.putAll(c.storeOptions(load.locations().get(0), "CREDENTIAL")));
    return o;
  }

  /** The files connector reads {@code \\} as one backslash in these options: a decoded backslash is doubled. */
  private static String escaped(String decoded) {
    return decoded.replace("\\", "\\\\");
  }

  /** COPY refuses CSV options for other file types; so do we, naming the option. */
  private static void csvOnly(CopyInto load) {
    String option = null;
    if (!load.fieldTerminator().equals(",")) {
      option = "FIELDTERMINATOR";
    } else if (!load.fieldQuote().equals("\"")) {
      option = "FIELDQUOTE";
    } else if (load.rowTerminator().isPresent()) {
      option = "ROWTERMINATOR";
    } else if (load.firstRow() != 1) {
      option = "FIRSTROW";
    } else if (load.dateFormat().isPresent()) {
      option = "DATEFORMAT";
    } else if (load.encoding() != Encoding.UTF8) {
      option = "ENCODING";
    } else if (load.matchColumnCount().on()) {
      option = "MATCH_COLUMN_COUNT";
    }
    if (option != null) {
      throw CopyInto.invalid(option, "applies to FILE_TYPE 'CSV' only, not '" + load.fileType() + "'");
    }
  }
}
