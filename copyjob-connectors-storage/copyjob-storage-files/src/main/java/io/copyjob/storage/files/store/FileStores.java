package io.copyjob.storage.files.store;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** Turns a location (a URI or a plain path) into an open {@link FileStore} through the installed providers. */
public final class FileStores {
  // A scheme of two or more characters: one letter would be a Windows drive (C:\data).
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

  private FileStores() {
  }

  /**
   * Reads a location: {@code file:/data/lake}, {@code s3://bucket/prefix}, or a plain path such as
   * {@code /data/lake}, {@code lake} (relative to the working directory) or {@code C:\data\lake}.
   *
   * @throws IllegalArgumentException when it is neither a URI nor a path
   */
  public static URI toUri(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("empty location");
    }
    if (SCHEME.matcher(location).matches()) {
      try {
        return new URI(location);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URI: " + e.getMessage(), e);
      }
    }
    try {
      return Path.of(location).toAbsolutePath().normalize().toUri();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path: " + e.getMessage(), e);
    }
  }

  /** The providers visible to this class's class loader and the thread's context class loader. */
  public static List<FileStoreProvider> providers() {
    List<FileStoreProvider> all = new ArrayList<>();
    ServiceLoader.load(FileStoreProvider.class, FileStores.class.getClassLoader()).forEach(all::add);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != FileStores.class.getClassLoader()) {
      for (FileStoreProvider p : ServiceLoader.load(FileStoreProvider.class, context)) {
        if (all.stream().noneMatch(q -> q.getClass() == p.getClass())) {
          all.add(p);
        }
      }
    }
    return all;
  }

  /** The secret options of every installed store (see {@link FileStoreProvider#sensitiveOptions()}). */
  public static java.util.Set<String> sensitiveOptions() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (FileStoreProvider p : providers()) {
      keys.addAll(p.sensitiveOptions());
    }
    return java.util.Set.copyOf(keys);
  }

  /**
   * Opens the store for {@code location} with the first provider that supports it.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_OPTION} when the location is malformed or no provider on
   *                          the class path supports its scheme
   */
  public static FileStore open(String location, Map<String, String> options) {
    URI uri;
    try {
      uri = toUri(location);
    } catch (IllegalArgumentException e) {
      throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option 'location' is " + e.getMessage()).build();
    }
    for (FileStoreProvider p : providers()) {
      if (p.supports(uri)) {
        return p.open(uri, options);
      }
    }
    throw CopyJobException.of(ErrorCode.INVALID_OPTION, "option 'location': no file store supports the scheme '"
        + uri.getScheme() + "'; add the store's artifact (copyjob-storage-s3, copyjob-storage-azure) to the dependencies");
  }
}
