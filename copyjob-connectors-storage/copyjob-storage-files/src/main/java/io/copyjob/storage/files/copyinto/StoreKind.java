package io.copyjob.storage.files.copyinto;

import java.util.Locale;

/** Which store family a location belongs to, for mapping credentials and resolving ERRORFILE paths. */
enum StoreKind {
  LOCAL("a local"), S3("an S3"), AZURE("an Azure");

  final String description;

  StoreKind(String description) {
    this.description = description;
  }

  static StoreKind of(String location) {
    String l = location.trim().toLowerCase(Locale.ROOT);
    if (l.startsWith("s3://") || l.startsWith("s3a://")) {
      return S3;
    }
    if (l.startsWith("abfs://") || l.startsWith("abfss://") || l.startsWith("wasb://") || l.startsWith("wasbs://")
        || l.startsWith("https://") || l.startsWith("http://")) {
      return AZURE;
    }
    return LOCAL;
  }
}
