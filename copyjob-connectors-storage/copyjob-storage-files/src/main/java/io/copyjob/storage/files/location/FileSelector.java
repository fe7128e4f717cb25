package io.copyjob.storage.files.location;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.StorePaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands {@link LocationPattern}s into the files they select, over any {@link FileStore}: the reusable part of
 * a files source with several locations (and of COPY INTO's {@code FROM} list).
 *
 * <ul>
 *   <li>A location with wildcards: every file below its {@link LocationPattern#base()}, listed recursively, whose
 *       relative path the pattern {@linkplain LocationPattern#matches matches}.</li>
 *   <li>A location without wildcards: when it is a folder (it ends with {@code /}, or listing it finds files),
 *       every file below it that is not hidden; else the file of that name (even a hidden one: it is named
 *       explicitly), looked up in its parent folder; else nothing.</li>
 * </ul>
 *
 * <p>The result is in location order, each location's files sorted by path, and deduplicated: a file that
 * several locations select (by its {@link SelectedFile#displayName()}) appears once, where it was first selected.
 * A location that selects nothing is not an error here; callers decide (a source with no files at all has no
 * dataset). Stores are opened once per distinct base and stay open until {@link #close()}. Not thread-safe.
 */
public final class FileSelector implements AutoCloseable {
  private final Function<String, FileStore> opener;
  private final Map<String, FileStore> stores = new LinkedHashMap<>();

  /** A selector that opens stores with {@code opener} (a location string to an open store). */
  public FileSelector(Function<String, FileStore> opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** A selector that opens stores through the installed providers with {@code storeOptions} (credentials...). */
  public static FileSelector withStores(Map<String, String> storeOptions) {
    Map<String, String> options = Map.copyOf(storeOptions);
    return new FileSelector(location -> FileStores.open(location, options));
  }

  /**
   * The files {@code locations} select, deduplicated, in location order.
   *
   * @throws CopyJobException {@code STORE_ERROR} when a store cannot be listed; {@code INVALID_OPTION} when a
   *                          location's store cannot be opened
   */
  public List<SelectedFile> select(List<LocationPattern> locations) {
    List<SelectedFile> selected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LocationPattern location : locations) {
      for (SelectedFile f : select(location)) {
        if (seen.add(f.displayName())) {
          selected.add(f);
        }
      }
    }
    return selected;
  }

  /** The files one location selects, sorted by path. */
  public List<SelectedFile> select(LocationPattern location) {
    List<SelectedFile> out = new ArrayList<>();
    if (location.hasWildcards()) {
      FileStore store = store(location.base());
      for (FileInfo f : list(store, "")) {
        if (location.matches(f.path())) {
          out.add(new SelectedFile(store, f, location));
        }
      }
      return out;
    }
    String base = location.base();
    FileStore folder = store(base);
    List<FileInfo> below = list(folder, "");
    if (!below.isEmpty() || base.endsWith("/") || base.endsWith("\\")) {
      for (FileInfo f : below) {
        if (location.matches(f.path())) {
          out.add(new SelectedFile(folder, f, location));
        }
      }
      return out;
    }
    int slash = base.lastIndexOf('/');
    if (slash == base.length() - 1 || (slash < 0 && location.isUri())) {
      return out;
    }
    String parent = slash < 0 ? "" : slash == 0 ? "/" : base.substring(0, slash);
    String name = base.substring(slash + 1);
    if (location.isUri() && parent.endsWith("/")) {
      return out; // the root of a URI (s3://bucket): no parent folder to look in
    }
    FileStore store;
    try {
      store = store(parent);
    } catch (CopyJobException e) {
      if (e.code() == ErrorCode.INVALID_OPTION) {
        return out; // e.g. an Azure account without a container: the location was an empty container
      }
      throw e;
    }
    try {
      StorePaths.check(name);
    } catch (IllegalArgumentException e) {
      return out;
    }
    try {
      store.info(name).ifPresent(f -> out.add(new SelectedFile(store, f, location)));
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not look up " + store.displayName(name) + ": "
          + e).cause(e).build();
    }
    return out;
  }

  private FileStore store(String location) {
    return stores.computeIfAbsent(location.isEmpty() ? "." : location, opener);
  }

  private static List<FileInfo> list(FileStore store, String folder) {
    try {
      return store.list(folder);
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not list " + store.displayName(folder) + ": " + e)
          .cause(e).build();
    }
  }

  /** Closes every store this selector opened. */
  @Override
  public void close() {
    for (FileStore s : stores.values()) {
      try {
        s.close();
      } catch (RuntimeException e) {
        // Closing a client loses nothing.
      }
    }
    stores.clear();
  }
}
