package io.copyjob.storage.s3;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into {@link CopyJobException}s with a code, the object concerned and S3's own
 * error code and request id, and never a secret:
 *
 * <ul>
 *   <li>HTTP 401/403 and the credential error codes ({@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch},
 *       {@code AccessDenied}, {@code ExpiredToken}, ...) and missing credentials: {@code AUTHENTICATION_FAILED};
 *   <li>{@code NoSuchBucket}: {@code STORE_ERROR} naming the bucket;
 *   <li>network failures (refused, unknown host, timeouts): {@code CONNECTION_FAILED}, retryable;
 *   <li>throttling and 5xx, which reach here only after the SDK's retries, and anything else: {@code STORE_ERROR}.
 * </ul>
 *
 * Messages pass through {@link S3Options#redact(String)}; the SDK exception is kept as the cause only when its
 * messages hold no secret.
 */
final class S3Errors {
  private static final Set<String> AUTH_CODES = Set.of("invalidaccesskeyid", "signaturedoesnotmatch", "accessdenied",
      "expiredtoken", "invalidtoken", "tokenrefreshrequired", "invalidclienttokenid", "unrecognizedclientexception",
      "authorizationheadermalformed", "allaccessdisabled", "accountproblem", "missingsecurityheader");
  private static final Set<String> NOT_FOUND_CODES = Set.of("nosuchkey", "notfound", "nosuchupload");

  private final S3Options options;

  S3Errors(S3Options options) {
    this.options = options;
  }

  /** Whether {@code e} says the object (or upload) does not exist: HTTP 404 other than {@code NoSuchBucket}. */
  static boolean isNotFound(SdkException e) {
    if (e instanceof AwsServiceException s) {
      String code = code(s).toLowerCase(Locale.ROOT);
      return !code.equals("nosuchbucket") && (s.statusCode() == 404 || NOT_FOUND_CODES.contains(code));
    }
    return false;
  }

  /**
   * The exception for a failed request.
   *
   * @param doing  what was attempted, e.g. {@code "read"}, {@code "list the files below"}
   * @param where  the object or folder, e.g. {@code s3://bucket/lake/a.csv}
   */
  CopyJobException translate(SdkException e, String doing, String where) {
    String what = "could not " + doing + " " + where;
    if (e instanceof AwsServiceException s) {
      String code = code(s);
      String lower = code.toLowerCase(Locale.ROOT);
      String detail = " (HTTP " + s.statusCode() + (code.isEmpty() ? "" : " " + code) + serviceMessage(s)
          + requestId(s) + ")";
      if (s.statusCode() == 401 || s.statusCode() == 403 || AUTH_CODES.contains(lower)) {
        String why = lower.equals("accessdenied")
            ? ": the credentials are not allowed to do this" : ": S3 refused the credentials";
        return build(ErrorCode.AUTHENTICATION_FAILED, what + why + detail, e);
      }
      if (lower.equals("nosuchbucket")) {
        return build(ErrorCode.STORE_ERROR, what + ": the bucket '" + bucketOf(where) + "' does not exist" + detail, e);
      }
      if (s.isThrottlingException() || s.statusCode() >= 500) {
        return build(ErrorCode.STORE_ERROR, what + ": S3 kept failing after " + options.maxAttempts()
            + " attempts" + detail, e);
      }
      return build(ErrorCode.STORE_ERROR, what + detail, e);
    }
    if (e instanceof AbortedException || hasCause(e, InterruptedException.class)
        || hasCause(e, InterruptedIOException.class) && !hasCause(e, SocketTimeoutException.class)) {
      return build(ErrorCode.CANCELLED, what + ": interrupted", e);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("Unable to load credentials") || message.contains("credentials")
        && message.contains("provider")) {
      return build(ErrorCode.AUTHENTICATION_FAILED, what + ": no AWS credentials found; set "
          + S3Options.ACCESS_KEY_ID + " and " + S3Options.SECRET_ACCESS_KEY
          + " or configure the default chain (AWS_ACCESS_KEY_ID, ~/.aws/credentials, an instance role)", e);
    }
    if (message.contains("Unable to load region") || message.contains("region") && message.contains("provider")) {
      return build(ErrorCode.INVALID_OPTION, what + ": no AWS region found; set " + S3Options.REGION
          + " or AWS_REGION", e);
    }
    if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
        || hasCause(e, SocketTimeoutException.class) || hasCause(e, IOException.class)) {
      return build(ErrorCode.CONNECTION_FAILED, what + ": could not reach "
          + options.endpoint().map(Object::toString).orElse("S3") + " (" + message + ")", e);
    }
    return build(ErrorCode.STORE_ERROR, what + ": " + message, e);
  }

  private CopyJobException build(ErrorCode code, String message, SdkException cause) {
    String safe = options.redact(message);
    return CopyJobException.builder(code, safe).cause(leaksSecret(cause) ? null : cause).build();
  }

  /** Whether any message in the cause chain contains a secret value. */
  private boolean leaksSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.equals(options.redact(m))) {
        return true;
      }
    }
    return false;
  }

  private static String code(AwsServiceException s) {
    AwsErrorDetails d = s.awsErrorDetails();
    return d == null || d.errorCode() == null ? "" : d.errorCode();
  }

  private static String serviceMessage(AwsServiceException s) {
    AwsErrorDetails d = s.awsErrorDetails();
    return d == null || d.errorMessage() == null || d.errorMessage().isBlank() ? "" : ": " + d.errorMessage();
  }

  private static String requestId(AwsServiceException s) {
    return s.requestId() == null || s.requestId().isBlank() ? "" : ", request id " + s.requestId();
  }

  private static String bucketOf(String where) {
    String rest = where.startsWith("s3://") ? where.substring(5) : where;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
