package io.copyjob;

import java.util.Optional;

/**
 * Looks up the secrets that connector options name as {@code ${secret:NAME}}: a vault, a key store, a
 * configuration service. Set one with {@link CopyJob.Builder#secretResolver(SecretResolver)}; option values of
 * the form {@code ${env:NAME}} are read from the environment without one.
 *
 * <p>The engine calls the resolver when it opens a connector, never when a job is built or saved, so job
 * definitions hold references and no secret. Resolved values are removed from every message that leaves a
 * run. Implementations must be thread-safe and must not log the values they return.
 *
 * <pre>{@code
 * CopyJob job = CopyJob.builder()
 *     .source("postgresql", Map.of("url", url, "user", "app", "password", "${secret:pg-app}"))
 *     ...
 *     .secretResolver(name -> Optional.ofNullable(vault.read(name)))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface SecretResolver {

  /** The secret called {@code name}, or empty when there is none of that name. */
  Optional<String> resolve(String name);

  /** A resolver that knows no secret: every {@code ${secret:...}} reference fails. */
  static SecretResolver none() {
    return name -> Optional.empty();
  }
}
