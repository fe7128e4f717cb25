package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.core.watermark.JdbcWatermarkStore;
import io.copyjob.spi.DatasetId;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC watermark store without a server: a {@link Proxy} connection whose table lookup fails. */
class JdbcWatermarkStoreTest {

  @Test
  void closesTheConnectionWhenTheTableCannotBeCreated() {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    DataSource ds = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (p, m, a) -> {
          if (!m.getName().equals("getConnection")) {
            throw new UnsupportedOperationException(m.getName());
          }
          opened.incrementAndGet();
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (cp, cm, ca) -> switch (cm.getName()) {
                case "close" -> {
                  closed.incrementAndGet();
                  yield null;
                }
                case "getSchema" -> "public";
                case "getMetaData" -> throw new SQLException("permission denied");
                default -> throw new UnsupportedOperationException(cm.getName());
              });
        });
    JdbcWatermarkStore store = new JdbcWatermarkStore(ds, JdbcWatermarkStore.DEFAULT_TABLE);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> store.load("j", DatasetId.of("public", "orders")))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR));
    }
    assertThat(closed.get()).as("connections closed of %s opened", opened.get()).isEqualTo(opened.get());
  }
}
