package io.copyjob.spi;

import java.util.List;
import java.util.Objects;

/**
 * How a sink applies the rows of a run to the destination. Immutable.
 *
 * <ul>
 *   <li>{@link #append()}: add every row; the default, and the one that keeps change history.</li>
 *   <li>{@link #upsert(String...)}: insert new keys, update existing ones. With no keys the destination's
 *       primary key is used; a destination without one is an error naming the table.</li>
 *   <li>{@link #overwrite()}: replace all rows of the destination with the run's rows, atomically.</li>
 * </ul>
 */
public final class WriteStrategy {
  /** The three write behaviours. */
  public enum Kind { APPEND, UPSERT, OVERWRITE }

  private static final WriteStrategy APPEND = new WriteStrategy(Kind.APPEND, List.of());
  private static final WriteStrategy OVERWRITE = new WriteStrategy(Kind.OVERWRITE, List.of());

  private final Kind kind;
  private final List<String> keys;

  private WriteStrategy(Kind kind, List<String> keys) {
    this.kind = kind;
    this.keys = List.copyOf(keys);
  }

  public static WriteStrategy append() { return APPEND; }

  public static WriteStrategy overwrite() { return OVERWRITE; }

  /** Upsert on the given destination key columns, or on the destination's primary key when none are given. */
  public static WriteStrategy upsert(String... keys) {
    return upsert(List.of(keys));
  }

  public static WriteStrategy upsert(List<String> keys) {
    return new WriteStrategy(Kind.UPSERT, keys);
  }

  public Kind kind() { return kind; }

  /** Key columns of an upsert, by destination column name; empty means the destination's primary key. */
  public List<String> keys() { return keys; }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteStrategy w && w.kind == kind && w.keys.equals(keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, keys);
  }

  @Override
  public String toString() {
    return kind == Kind.UPSERT ? "upsert" + keys : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
