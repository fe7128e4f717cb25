package io.copyjob.storage.files.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Parquet writing and reading in a class loader that has every test class-path entry except
 * {@code hadoop-client-api}: the situation of a user who writes Parquet and did not add Hadoop. Writing
 * works; reading fails with a message naming the artifact to add.
 */
class HadoopAbsenceTest {

  @TempDir
  Path dir;

  @Test
  void writesParquetWithoutHadoopAndSaysWhatReadingNeeds() throws Exception {
    try (URLClassLoader loader = withoutHadoop()) {
      assertThat(loader.getResource("org/apache/hadoop/conf/Configuration.class")).isNull();
      Class<?> probe = loader.loadClass(HadoopFreeProbe.class.getName());
      Method write = probe.getMethod("write", String.class);
      String size = (String) write.invoke(null, dir.toString());
      assertThat(Long.parseLong(size)).isPositive();
      String schemas = (String) probe.getMethod("schemas", String.class).invoke(null, dir.toString());
      assertThat(schemas).contains("id INT64", "amount DECIMAL(38,9)", "name STRING");
      Method read = probe.getMethod("read", String.class);
      String rows = (String) read.invoke(null, dir.toString());
      assertThat(rows).startsWith("FAILED").contains("hadoop-client-api:3.5.0").contains("probe-")
          .contains("Writing Parquet does not need it");
    }
  }

  static URLClassLoader withoutHadoop() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !entry.contains("hadoop-client-api")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }
}
