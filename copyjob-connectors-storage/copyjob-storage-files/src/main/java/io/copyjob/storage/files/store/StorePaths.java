package io.copyjob.storage.files.store;

/**
 * Helpers for the relative paths a {@link FileStore} uses: segments separated by {@code /}, no leading or
 * trailing {@code /}, no empty, {@code .} or {@code ..} segment. The empty string is the store's location
 * itself. Every store shares this form so that connectors never build store-specific paths.
 */
public final class StorePaths {
  private StorePaths() {
  }

  /**
   * Returns {@code path} if it is a valid relative path, else throws {@link IllegalArgumentException}.
   * The empty path (the location itself) is valid.
   */
  public static String check(String path) {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    if (path.isEmpty()) {
      return path;
    }
    if (path.indexOf(0) >= 0) {
      throw new IllegalArgumentException("path must not contain NUL: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("not a relative path of plain segments: '" + path + "'");
      }
    }
    return path;
  }

  /** {@code parent/child}; either may be empty. Both must be valid paths. */
  public static String join(String parent, String child) {
    check(parent);
    check(child);
    if (parent.isEmpty()) {
      return child;
    }
    return child.isEmpty() ? parent : parent + "/" + child;
  }

  /** The last segment of {@code path}. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Everything before the last segment, or the empty path for a top-level name. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** {@code path} relative to {@code folder}, which must contain it. */
  public static String relativize(String folder, String path) {
    if (folder.isEmpty()) {
      return path;
    }
    if (!path.startsWith(folder + "/")) {
      throw new IllegalArgumentException(path + " is not below " + folder);
    }
    return path.substring(folder.length() + 1);
  }
}
