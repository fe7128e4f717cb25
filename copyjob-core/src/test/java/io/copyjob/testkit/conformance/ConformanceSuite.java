package io.copyjob.testkit.conformance;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the conformance test classes: a fresh source and destination {@link Sandbox} for every test, both
 * of the connector under test, and job builders. A subclass of each test class supplies {@link #database()}.
 *
 * <p>One instance per class ({@link TestInstance.Lifecycle#PER_CLASS}) so that parameterised tests can take the
 * database's {@link ConformanceDatabase#sinkVariants() sink variants} from an instance method.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceSuite {
  /** A fresh, empty source for each test. */
  protected Sandbox source;
  /** A fresh, empty destination for each test, another database or schema than {@link #source}. */
  protected Sandbox destination;

  /** The database and connector under test; called once per test, so return a shared instance. */
  protected abstract ConformanceDatabase database();

  @BeforeEach
  void newSandboxes() {
    source = database().newSandbox("conf_src");
    destination = database().newSandbox("conf_dst");
  }

  /** The names of the database's sink variants, sorted: the argument source of every writing test. */
  protected Stream<String> sinkVariants() {
    return database().sinkVariants().keySet().stream().sorted();
  }

  /** The destination's spec in the sink variant {@code variant}. */
  protected ConnectorSpec destinationSpec(String variant) {
    Map<String, String> options = database().sinkVariants().get(variant);
    if (options == null) {
      throw new IllegalArgumentException("no sink variant " + variant);
    }
    return destination.spec(options);
  }

  /** A job from {@code from} to {@code to}, named {@code name}, for tables to be added. */
  protected static CopyJob.Builder job(String name, ConnectorSpec from, ConnectorSpec to) {
    return CopyJob.builder().name(name).source(from).destination(to);
  }

  protected boolean nativeUuid() {
    return database().capabilities().contains(ConformanceDatabase.Capability.NATIVE_UUID);
  }
}
