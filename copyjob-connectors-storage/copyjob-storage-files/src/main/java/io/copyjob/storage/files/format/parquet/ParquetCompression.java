package io.copyjob.storage.files.format.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The compression codecs copyjob writes Parquet with; the {@code compression} option picks one. */
public enum ParquetCompression {
  /** Zstandard level 3 (zstd-jni): the default, about a quarter smaller than snappy for a little more CPU. */
  ZSTD(CompressionCodecName.ZSTD),
  /** Snappy (snappy-java): fastest, largest. */
  SNAPPY(CompressionCodecName.SNAPPY),
  /** Gzip (the JDK's deflater): for readers that know nothing else. */
  GZIP(CompressionCodecName.GZIP),
  /** No compression. */
  NONE(CompressionCodecName.UNCOMPRESSED);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  /** Parquet's name of the codec. */
  public CompressionCodecName codec() {
    return codec;
  }
}
