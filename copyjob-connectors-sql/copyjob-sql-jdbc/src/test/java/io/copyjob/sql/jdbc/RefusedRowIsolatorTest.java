package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bisection alone, over a table simulated in memory: rows a load writes stay only when its savepoint is
 * released. Against real databases it runs in the conformance suite's {@code RefusedRowsConformance}.
 */
class RefusedRowIsolatorTest {
  /** The rows written so far, and those written since each open savepoint. */
  private final List<Integer> table = new ArrayList<>();
  private final List<Integer> savepointSizes = new ArrayList<>();
  private boolean doomed;
  /** SQL Server's driver: releaseSavepoint is not supported, savepoints live until the transaction ends. */
  private boolean noRelease;
  private int loads;

  private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {Connection.class}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "setSavepoint":
            savepointSizes.add(table.size());
            return null;
          case "releaseSavepoint":
            if (noRelease) {
              throw new java.sql.SQLFeatureNotSupportedException("This operation is not supported.");
            }
            savepointSizes.remove(savepointSizes.size() - 1);
            return null;
          case "rollback":
            if (doomed) {
              throw new SQLException("The current transaction cannot be committed", "25000", 3930);
            }
            int size = savepointSizes.remove(savepointSizes.size() - 1);
            table.subList(size, table.size()).clear();
            return null;
          default:
            throw new UnsupportedOperationException(method.getName());
        }
      });

  /** A load that writes rows in order and fails, like a bulk path, at the first refused one. */
  private RefusedRowIsolator.RangeLoad refusing(Set<Integer> refused, String sqlState) {
    return (from, to) -> {
      loads++;
      for (int row = from; row < to; row++) {
        if (refused.contains(row)) {
          throw new SQLException("row " + row + " violates a constraint", sqlState);
        }
        table.add(row);
      }
    };
  }

  @Test
  void everyRefusedRowIsRejectedAloneAndEveryOtherRowIsWrittenOnce() throws Exception {
    Set<Integer> refused = Set.of(0, 17, 18, 511, 4095);
    Set<Integer> rejected = new TreeSet<>();
    RefusedRowIsolator isolator = new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError);

    isolator.load(0, 4096, refusing(refused, "23514"), (row, why) -> {
      assertThat(why.getMessage()).isEqualTo("row " + row + " violates a constraint");
      rejected.add(row);
    });

    assertThat(rejected).containsExactlyElementsOf(new TreeSet<>(refused));
    assertThat(table).hasSize(4096 - refused.size()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(refused);
    assertThat(savepointSizes).isEmpty();
    // about k·log2(n) loads for k refused rows in n, not n
    assertThat(loads).isLessThan(2 * refused.size() * 13);
  }

  @Test
  void aDriverThatCannotReleaseSavepointsKeepsWhatWasLoaded() throws Exception {
    noRelease = true;
    Set<Integer> rejected = new TreeSet<>();
    new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError)
        .load(0, 1000, refusing(Set.of(10, 900), "23000"), (row, why) -> rejected.add(row));
    assertThat(rejected).containsExactly(10, 900);
    assertThat(table).hasSize(998).doesNotHaveDuplicates();
  }

  @Test
  void aLoadRefusingEveryRowItNamesIsRejectedRowByRowWithoutDeepRecursion() throws Exception {
    List<Integer> rejected = new ArrayList<>();
    RefusedRowIsolator.RangeLoad load = (from, to) -> {
      throw new RowRefusedException(from, "amount", "not a number");
    };
    new RefusedRowIsolator(connection, e -> false).load(0, 200_000, load, (row, why) -> rejected.add(row));
    assertThat(rejected).hasSize(200_000);
    assertThat(table).isEmpty();
  }

  @Test
  void aBatchWithoutRefusedRowsIsOneLoad() throws Exception {
    new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError)
        .load(0, 1000, refusing(Set.of(), "23514"), (row, why) -> { throw new AssertionError(row); });
    assertThat(loads).isEqualTo(1);
    assertThat(table).hasSize(1000);
  }

  @Test
  void aRowTheLoadNamesIsRejectedWithoutBisecting() throws Exception {
    List<Integer> rejected = new ArrayList<>();
    RefusedRowIsolator.RangeLoad load = (from, to) -> {
      loads++;
      for (int row = from; row < to; row++) {
        if (row == 600) {
          throw new RowRefusedException(600, "amount", "12,5 is not a DECIMAL(10,2)");
        }
        table.add(row);
      }
    };
    new RefusedRowIsolator(connection, e -> false).load(0, 1000, load, (row, why) -> {
      assertThat((Throwable) why).isInstanceOfSatisfying(RowRefusedException.class, r -> assertThat(r.column()).isEqualTo("amount"));
      rejected.add(row);
    });
    assertThat(rejected).containsExactly(600);
    assertThat(loads).isEqualTo(3); // the whole, then the rows before and after it
    assertThat(table).hasSize(999);
  }

  @Test
  void anErrorThatIsNotAboutRowsFailsTheLoadAndRollsBackItsPart() {
    RefusedRowIsolator isolator = new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError);
    assertThatThrownBy(() -> isolator.load(0, 100, refusing(Set.of(50), "40001"), (row, why) -> { }))
        .isInstanceOf(SQLException.class).hasMessageContaining("row 50");
    assertThat(table).isEmpty();
    assertThat(savepointSizes).isEmpty();
  }

  @Test
  void aTransactionTheDatabaseDoomedFailsWithTheRowsErrorNotTheRollbacks() {
    doomed = true;
    RefusedRowIsolator isolator = new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError);
    assertThatThrownBy(() -> isolator.load(0, 100, refusing(Set.of(50), "23000"), (row, why) -> { }))
        .isInstanceOf(SQLException.class).hasMessageContaining("row 50")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessageContaining("cannot be committed")));
    assertThat(loads).isEqualTo(1);
  }
}
