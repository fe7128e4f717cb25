package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CopyJob.describeDestination opens the destination as a run does: references resolved, secrets out of errors. */
class DescribeDestinationTest {
  @Test
  void describesTheTableThroughResolvedSecretReferences() {
    String store = MemoryStore.fresh("describe");
    DatasetId id = DatasetId.of("sales", "orders");
    MemoryStore.named(store).createTable(DatasetInfo.of(id, Schema.of(Field.required("id", LogicalType.int64())),
        List.of("id")).withIdentityColumns(List.of("id")));
    CopyJob job = CopyJob.builder().name("describe").source(MemoryConnectorProvider.spec(store))
        .destination(MemoryConnectorProvider.spec("${secret:store-name}")).table("sales.orders")
        .secretResolver(name -> name.equals("store-name") ? Optional.of(store) : Optional.empty()).build();

    DatasetInfo info = job.describeDestination("sales.orders").orElseThrow();
    assertThat(info.schema().names()).containsExactly("id");
    assertThat(info.identityColumns()).containsExactly("id");
    assertThat(job.describeDestination("sales.nothing")).isEmpty();
  }

  @Test
  void anUnresolvableReferenceFailsNamingItAndTheJob() {
    CopyJob job = CopyJob.builder().name("describe-missing").source(MemoryConnectorProvider.spec("x"))
        .destination(MemoryConnectorProvider.spec("${secret:absent}")).table("t").build();
    assertThatThrownBy(() -> job.describeDestination("t")).isInstanceOf(CopyJobException.class)
        .hasMessageContaining("describe-missing").hasMessageContaining("absent");
  }
}
