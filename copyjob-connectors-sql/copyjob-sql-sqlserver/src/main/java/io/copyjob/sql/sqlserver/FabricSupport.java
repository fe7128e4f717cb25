package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;

/** Starts a Fabric Warehouse write, with a clear error when copyjob-storage-files is not on the class path. */
final class FabricSupport {
  private FabricSupport() {
  }

  static WriteTransaction begin(SqlServerDatabase db, WriteRequest request) {
    try {
      Class.forName("io.copyjob.storage.files.store.FileStores", false, FabricSupport.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw CopyJobException.of(ErrorCode.INVALID_OPTION, "flavor fabric-warehouse stages Parquet files for COPY INTO:"
          + " add io.copyjob:copyjob-storage-files and io.copyjob:copyjob-storage-azure to the dependencies");
    }
    return new FabricWriteTransaction(db, request).start();
  }
}
