package io.copyjob.storage.delta;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delta column mapping ({@code delta.columnMapping.mode = name}): each column has a physical name under which the
 * data files hold it, so that a column can be added (Kernel changes a schema only on such tables). Tables copyjob
 * creates with {@code schemaEvolution=true} use it; without mapping the physical name is the column's name.
 */
final class DeltaColumnMapping {
  static final String MODE_PROPERTY = "delta.columnMapping.mode";
  private static final String PHYSICAL_NAME = "delta.columnMapping.physicalName";

  private final Map<String, String> physical;

  private DeltaColumnMapping(Map<String, String> physical) {
    this.physical = physical;
  }

  /** The mapping the fields of {@code schema} declare (none: every name maps to itself). */
  static DeltaColumnMapping of(StructType schema) {
    Map<String, String> physical = new HashMap<>();
    for (StructField f : schema.fields()) {
      if (f.getMetadata().contains(PHYSICAL_NAME)) {
        physical.put(f.getName(), f.getMetadata().getString(PHYSICAL_NAME));
      }
    }
    return new DeltaColumnMapping(physical);
  }

  /** The name the data files hold column {@code logical} under. */
  String physical(String logical) {
    return physical.getOrDefault(logical, logical);
  }

  /** {@code schema} with its fields renamed to their physical names. */
  Schema physical(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (Field f : schema.fields()) {
      fields.add(f.withName(physical(f.name())));
    }
    return Schema.of(fields);
  }

  /** {@code schema} with its fields renamed to their physical names, for statistics keyed as the files are. */
  StructType physical(StructType schema) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      out = out.add(new StructField(physical(f.getName()), f.getDataType(), f.isNullable(), f.getMetadata()));
    }
    return out;
  }
}
