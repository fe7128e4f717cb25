package io.copyjob.core.definition;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to secrets in connector option values: {@code ${env:NAME}} reads the environment variable
 * {@code NAME}, {@code ${secret:NAME}} asks the job's {@link SecretResolver}. A reference may be the whole value
 * ({@code "password": "${secret:pg-app}"}) or part of it ({@code "url": "jdbc:postgresql://${env:PGHOST}/app"});
 * the options of sensitive keys must be exactly one reference when a job is saved.
 *
 * <p>References stay in the {@link ConnectorSpec} as text (so a job built in code and one loaded from JSON are
 * equal) and are resolved by the engine when it opens a connector. Thread-safe.
 */
public final class SecretReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|secret):([^}\\s]+)}");

  private final SecretResolver secrets;
  private final Function<String, String> environment;

  private SecretReferences(SecretResolver secrets, Function<String, String> environment) {
    this.secrets = secrets;
    this.environment = environment;
  }

  /**
   * Resolves {@code ${env:...}} from {@link System#getenv(String)} and {@code ${secret:...}} with {@code secrets};
   * with a null resolver every {@code ${secret:...}} reference is an error saying to set one.
   */
  public static SecretReferences using(SecretResolver secrets) {
    return new SecretReferences(secrets, System::getenv);
  }

  /** For tests: an environment given as a function. */
  static SecretReferences using(SecretResolver secrets, Function<String, String> environment) {
    return new SecretReferences(secrets, environment);
  }

  /** Whether {@code value} is exactly one reference, {@code ${env:NAME}} or {@code ${secret:NAME}}. */
  public static boolean isReference(String value) {
    return value != null && REFERENCE.matcher(value.strip()).matches();
  }

  /** Whether {@code value} holds a reference anywhere. */
  public static boolean containsReference(String value) {
    return value != null && REFERENCE.matcher(value).find();
  }

  /** {@code value} with every reference replaced by {@code ****}, the mask a redactor writes. */
  static String maskReferences(String value) {
    return REFERENCE.matcher(value).replaceAll("****");
  }

  /** A spec with its references resolved, and the resolved values that must be kept out of messages. */
  public record Resolved(ConnectorSpec spec, List<String> secretValues) {
    public Resolved {
      secretValues = List.copyOf(secretValues);
    }

    /** Secrets masked. */
    @Override
    public String toString() {
      return "Resolved{" + io.copyjob.spi.Redactor.of(secretValues).scrub(spec.toString()) + "}";
    }
  }

  /**
   * {@code spec} with every reference in its option values replaced by what it names. The values of
   * {@code ${secret:...}} references, and every resolved value of a sensitive option, are returned as secret
   * values for redaction.
   *
   * @param role {@code source} or {@code destination}, for the message of a reference that cannot be resolved
   * @throws CopyJobException {@link ErrorCode#INVALID_OPTION} naming the option and the reference (never a
   *     value) when a reference cannot be resolved
   */
  public Resolved resolve(ConnectorSpec spec, String role) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> secretValues = new ArrayList<>();
    java.util.Set<String> sensitive = null;
    for (Map.Entry<String, String> e : spec.options().entrySet()) {
      String value = e.getValue();
      if (!containsReference(value)) {
        options.put(e.getKey(), value);
        continue;
      }
      if (sensitive == null) {
        sensitive = spec.sensitiveKeys();
      }
      Matcher m = REFERENCE.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String resolved = lookup(m.group(1), m.group(2), m.group(), spec.type(), role, e.getKey());
        if (m.group(1).equals("secret")) {
          secretValues.add(resolved);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(resolved));
      }
      m.appendTail(out);
      options.put(e.getKey(), out.toString());
      if (sensitive.contains(e.getKey())) {
        secretValues.add(out.toString());
      }
    }
    return new Resolved(ConnectorSpec.of(spec.type(), options), secretValues);
  }

  private String lookup(String kind, String name, String reference, String type, String role, String key) {
    String value;
    String problem;
    if (kind.equals("env")) {
      value = environment.apply(name);
      problem = "the environment variable " + name + " is not set";
    } else if (secrets == null) {
      value = null;
      problem = "the job has no secret resolver: set one with CopyJob.Builder.secretResolver(...)";
    } else {
      try {
        value = secrets.resolve(name).orElse(null);
      } catch (RuntimeException ex) {
        // The resolver's own message may quote what it read: keep only the exception type.
        throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option '" + key + "' of the " + role + " ("
            + type + ") refers to " + reference + ", and the secret resolver failed: " + ex.getClass().getName())
            .build();
      }
      problem = "the secret resolver knows no secret '" + name + "'";
    }
    if (value == null) {
      throw CopyJobException.of(ErrorCode.INVALID_OPTION, "option '" + key + "' of the " + role + " (" + type
          + ") refers to " + reference + ", which cannot be resolved: " + problem);
    }
    return value;
  }
}
