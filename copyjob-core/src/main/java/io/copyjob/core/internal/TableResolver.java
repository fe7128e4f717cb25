package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.TableSpec;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SourceConnector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Expands a job's table selections into source tables. A table named outright wins over a pattern that also
 * matches it; among patterns, the first wins. A name or pattern that matches nothing is reported, not skipped.
 */
final class TableResolver {
  private final String job;
  private final SourceConnector source;
  private List<DatasetId> listed;

  TableResolver(String job, SourceConnector source) {
    this.job = job;
    this.source = source;
  }

  /** A resolved table, or the error of a selection that resolved to nothing. */
  record Resolved(TableSpec spec, DatasetInfo info, CopyJobException error) {
    String name() {
      return info != null ? info.id().toString() : spec.selector();
    }
  }

  List<Resolved> resolve(List<TableSpec> specs) {
    Map<DatasetId, Resolved> byTable = new LinkedHashMap<>();
    List<Resolved> missing = new ArrayList<>();
    for (TableSpec spec : specs) {
      if (!spec.isPattern()) {
        DatasetId id = DatasetId.parse(spec.selector());
        Optional<DatasetInfo> info = source.describe(id);
        if (info.isPresent()) {
          byTable.put(info.get().id(), new Resolved(spec, info.get(), null));
        } else {
          missing.add(new Resolved(spec, null, notFound(spec.selector(), "does not exist in the source")));
        }
      }
    }
    for (TableSpec spec : specs) {
      if (spec.isPattern()) {
        Pattern pattern = toRegex(spec.selector());
        boolean any = false;
        for (DatasetId id : listed()) {
          if (pattern.matcher(id.toString()).matches()) {
            any = true;
            if (!byTable.containsKey(id)) {
              source.describe(id).ifPresent(info -> byTable.put(id, new Resolved(spec, info, null)));
            }
          }
        }
        if (!any) {
          missing.add(new Resolved(spec, null, notFound(spec.selector(), "matches no table in the source")));
        }
      }
    }
    List<Resolved> all = new ArrayList<>(byTable.values());
    all.addAll(missing);
    return all;
  }

  private List<DatasetId> listed() {
    if (listed == null) {
      listed = source.listDatasets();
    }
    return listed;
  }

  private CopyJobException notFound(String selector, String what) {
    String known = listed().stream().limit(20).map(DatasetId::toString).reduce((a, b) -> a + ", " + b).orElse("none");
    return CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "'" + selector + "' " + what + "; tables: " + known
        + (listed().size() > 20 ? ", ..." : "")).job(job).table(selector).build();
  }

  /** {@code *} matches any run of characters but the dot, {@code ?} one such character. */
  static Pattern toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        sb.append("[^.]*");
      } else if (c == '?') {
        sb.append("[^.]");
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString());
  }
}
