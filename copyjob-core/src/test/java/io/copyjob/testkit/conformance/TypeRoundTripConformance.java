package io.copyjob.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.TableResult;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value of {@link EdgeValues} survives a copy: database to database into a table the run creates (with the
 * column types and primary key a table declared with the portable types has), database to the {@code memory}
 * connector (so reading is checked against a reference, value and logical type), and the {@code memory}
 * connector to the database, into a created and into an existing table (so writing is checked against it).
 */
public abstract class TypeRoundTripConformance extends ConformanceSuite {
  private List<List<String>> expected() {
    return EdgeValues.expected(database().timestampDigits());
  }

  private List<List<String>> read(Sandbox sandbox, String table) {
    return sandbox.rows("SELECT " + EdgeValues.columnList() + " FROM " + sandbox.table(table) + " ORDER BY id");
  }

  @Test
  void theSourceTableReadsBackAsInserted() {
    EdgeValues.create(source, database(), "edge");
    assertThat(read(source, "edge")).as("the fixture itself: literals and normal form agree").isEqualTo(expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void databaseToDatabaseCreatesTheAbsentTableWithMappedTypesAndKeepsEveryValue(String variant) {
    EdgeValues.create(source, database(), "edge");

    TableResult result = job("conformance-types", source.spec(), destinationSpec(variant))
        .table(source.table("edge"), t -> t.renameTo(destination.table("edge"))).build().run().throwIfFailed()
        .tables().get(0);

    assertThat(result.rowsRead()).isEqualTo(5);
    assertThat(result.rowsWritten()).isEqualTo(5);
    assertThat(read(destination, "edge")).isEqualTo(expected());
    destination.createTable("declared", EdgeValues.COLUMNS, "PRIMARY KEY (id)");
    assertThat(destination.columnTypes("edge")).as("created like a table declared with the portable types")
        .isEqualTo(destination.columnTypes("declared"));
    assertThat(destination.primaryKey("edge")).containsExactly("id");
  }

  @Test
  void databaseToMemoryReadsEveryValueAsItsLogicalType() {
    EdgeValues.create(source, database(), "edge");
    String store = MemoryStore.fresh("conformance-read");

    job("conformance-read", source.spec(), MemoryConnectorProvider.spec(store)).table(source.table("edge")).build()
        .run().throwIfFailed();

    DatasetId id = DatasetId.of(source.namespace(), "edge");
    DatasetInfo info = MemoryStore.named(store).describe(id).orElseThrow();
    List<String> types = new ArrayList<>();
    List<String> expectedTypes = new ArrayList<>();
    for (Map.Entry<String, PortableType> c : EdgeValues.COLUMNS.entrySet()) {
      types.add(c.getKey() + " " + info.schema().find(c.getKey()).map(f -> f.type().toString()).orElse("missing"));
      expectedTypes.add(c.getKey() + " " + database().logicalType(c.getValue()));
    }
    assertThat(types).isEqualTo(expectedTypes);
    assertThat(info.primaryKey()).containsExactly("id");

    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : MemoryStore.named(store).rows(id)) {
      List<String> normal = new ArrayList<>();
      for (String column : EdgeValues.COLUMNS.keySet()) {
        normal.add(NormalForm.of(row.get(info.schema().indexOf(column))));
      }
      rows.add(normal);
    }
    rows.sort(Comparator.comparing(r -> Integer.parseInt(r.get(0))));
    assertThat(rows).isEqualTo(expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void memoryToDatabaseWritesEveryValueIntoACreatedAndAnExistingTable(String variant) {
    String store = MemoryStore.fresh("conformance-write");
    DatasetId id = DatasetId.of("mem", "edge");
    List<Field> fields = new ArrayList<>();
    EdgeValues.COLUMNS.forEach((name, type) -> fields.add(Field.of(name, database().logicalType(type))));
    MemoryStore.named(store).createTable(id, Schema.of(fields), List.of("id"));
    List<PortableType> types = new ArrayList<>(EdgeValues.COLUMNS.values());
    for (List<String> row : expected()) {
      Object[] values = new Object[row.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = NormalForm.parse(types.get(i), row.get(i), nativeUuid());
      }
      MemoryStore.named(store).insert(id, values);
    }
    destination.createTable("existing", EdgeValues.COLUMNS, "PRIMARY KEY (id)");

    for (String target : List.of("created", "existing")) {
      TableResult result = job("conformance-write-" + target, MemoryConnectorProvider.spec(store), destinationSpec(variant))
          .table("mem.edge", t -> t.renameTo(destination.table(target))).build().run().throwIfFailed().tables().get(0);
      assertThat(result.rowsWritten()).as(target).isEqualTo(5);
      assertThat(read(destination, target)).as(target).isEqualTo(expected());
    }
    assertThat(destination.columnTypes("created")).isEqualTo(destination.columnTypes("existing"));
  }
}
