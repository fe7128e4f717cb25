package io.copyjob.spi;

/**
 * A part of a dataset that one reader reads: a key range of a table, a file, a byte range of a file.
 * Connector-specific; the engine only hands it back to the {@link ReadSession} that planned it.
 */
public interface Split {
  /** A short human description for logs and errors, e.g. {@code id in [1, 50000)} or a file name. */
  String describe();
}
