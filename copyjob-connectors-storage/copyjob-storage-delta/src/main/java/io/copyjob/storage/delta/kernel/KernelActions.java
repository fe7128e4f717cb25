package io.copyjob.storage.delta.kernel;

import io.delta.kernel.data.Row;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.utils.FileStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The few Kernel internals copyjob needs, in one place: Kernel 4.4 has public API to add files but none to
 * remove them (overwrite and copy-on-write upsert do), nor to read a scan file's path and partition values.
 * {@code DeltaSinkIT} exercises every method, so a Kernel upgrade that moves them fails there.
 */
public final class KernelActions {
  private KernelActions() {
  }

  /** The remove action for the live file a scan returned (scan files read with statistics). */
  public static Row removeAction(Row scanFile, long deletionTimestamp) {
    AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
    return SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, Optional.of(deletionTimestamp)));
  }

  /** The absolute path, size and time of a scan file. */
  public static FileStatus fileStatus(Row scanFile) {
    return InternalScanFileUtils.getAddFileStatus(scanFile);
  }

  /** The partition values of a scan file, as the log holds them (text). */
  public static Map<String, String> partitionValues(Row scanFile) {
    return InternalScanFileUtils.getPartitionValues(scanFile);
  }

  /** Whether a scan file carries a deletion vector (rows deleted without rewriting the file). */
  public static boolean hasDeletionVector(Row scanFile) {
    return InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile) != null;
  }
}
