package io.copyjob.storage.delta;

import io.copyjob.spi.Fragment;
import java.util.List;

/** The data files one writer wrote, for the transaction to add in its commit. */
record DeltaFragment(List<DeltaDataFile> files, long rows, long bytes) implements Fragment {
  DeltaFragment {
    files = List.copyOf(files);
  }
}
