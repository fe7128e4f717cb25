package io.copyjob.storage.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Azure SDK failures into what the FileStore contract promises: {@link CopyJobException} where the cause
 * is known (refused credentials, a missing container, an unreachable endpoint) and {@link IOException} otherwise,
 * a missing file as {@link NoSuchFileException}. Every message, and the cause chain attached to it, is scrubbed of
 * the configured secrets and of SAS signatures: the SDK's own exceptions are replaced by copies with scrubbed
 * messages and the original stack traces.
 */
final class AzureErrors {
  private static final Pattern SIG = Pattern.compile("(?i)(sig=)[^&\\s\"'<]*");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
  private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");
  private static final Set<String> AUTH_CODES = Set.of("authenticationfailed", "authorizationfailure",
      "authorizationpermissionmismatch", "authorizationresourcetypemismatch", "authorizationservicemismatch",
      "authorizationprotocolmismatch", "authorizationsourceipmismatch", "insufficientaccountpermissions",
      "invalidauthenticationinfo", "noauthenticationinformation");
  private static final Set<String> CONTAINER_MISSING = Set.of("containernotfound", "filesystemnotfound");
  private static final Set<String> FILE_MISSING = Set.of("blobnotfound", "pathnotfound", "resourcenotfound");

  private final String service;
  private final AzureUri location;
  private final String endpoint;
  private final List<String> secrets;

  AzureErrors(AzureUri location, AzureOptions options) {
    this.service = location.service() == AzureUri.Service.DFS ? "Azure Data Lake Storage" : "Azure Blob Storage";
    this.location = location;
    this.endpoint = options.endpoint();
    List<String> sorted = new ArrayList<>();
    for (String s : options.secrets()) {
      if (s != null && s.length() >= 3) {
        sorted.add(s);
      }
    }
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  /** {@code text} without any configured secret and without SAS signatures. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "****");
    }
    return SIG.matcher(out).replaceAll("$1****");
  }

  /** The HTTP status of an SDK failure, or -1. */
  static int status(Throwable e) {
    if (e instanceof HttpResponseException h && h.getResponse() != null) {
      return h.getResponse().getStatusCode();
    }
    return -1;
  }

  /** The service's error code ({@code x-ms-error-code}), lowercased, or the empty string. */
  static String errorCode(Throwable e) {
    if (e instanceof HttpResponseException h) {
      HttpResponse r = h.getResponse();
      String code = r == null ? null : r.getHeaderValue("x-ms-error-code");
      if (code == null && h.getValue() != null) {
        code = String.valueOf(h.getValue());
      }
      if (code == null && e.getMessage() != null) {
        Matcher m = Pattern.compile("<Code>([^<]*)</Code>|\"code\"\\s*:\\s*\"([^\"]*)\"").matcher(e.getMessage());
        if (m.find()) {
          code = m.group(1) != null ? m.group(1) : m.group(2);
        }
      }
      return code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    }
    return "";
  }

  /** Whether the failure says the file (blob, path) does not exist, as opposed to the container. */
  static boolean isNotFound(Throwable e) {
    String code = errorCode(e);
    return status(e) == 404 && !CONTAINER_MISSING.contains(code);
  }

  /**
   * The exception to throw for a failure of {@code action} (e.g. "read") on {@code display} (a name for humans).
   * Throws {@link CopyJobException} itself for refused credentials, a missing container and an unreachable
   * endpoint; returns the {@link IOException} to throw otherwise.
   */
  IOException translate(String action, String display, Throwable e) {
    if (e instanceof CopyJobException c) {
      throw c;
    }
    if (e instanceof IOException) {
      Throwable connect = connectionCause(e);
      if (connect != null) {
        throw unreachable(action, display, connect);
      }
      return new AzureIOException(scrub(action + " " + display + " failed: " + e), sanitized(e));
    }
    int status = status(e);
    String code = errorCode(e);
    String what = action + " " + display;
    if (e instanceof ClientAuthenticationException) {
      throw CopyJobException.builder(ErrorCode.AUTHENTICATION_FAILED, scrub("could not get a token for " + service
          + " to " + what + ": " + firstLine(e.getMessage()))).cause(sanitized(e)).build();
    }
    if (status == 401 || status == 403 || AUTH_CODES.contains(code)) {
      throw CopyJobException.builder(ErrorCode.AUTHENTICATION_FAILED, scrub(service + " refused the credentials to "
          + what + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + "): " + serviceMessage(e)))
          .cause(sanitized(e)).build();
    }
    if (CONTAINER_MISSING.contains(code)) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "the container '" + location.container()
          + "' does not exist in the storage account '" + location.account() + "' (" + what + ")")
          .cause(sanitized(e)).build();
    }
    if (status == 404 && FILE_MISSING.contains(code) || status == 404 && code.isEmpty()) {
      NoSuchFileException missing = new NoSuchFileException(display, null, "no such file in " + service);
      missing.initCause(sanitized(e));
      return missing;
    }
    if (status == 412) {
      return new AzureIOException(scrub(what + " failed: the file changed while it was being read (HTTP 412 "
          + code + ")"), sanitized(e));
    }
    if (status > 0) {
      return new AzureIOException(scrub(what + " failed: HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": "
          + serviceMessage(e)), sanitized(e));
    }
    Throwable connect = connectionCause(e);
    if (connect != null) {
      throw unreachable(action, display, connect);
    }
    return new AzureIOException(scrub(what + " failed: " + e), sanitized(e));
  }

  private CopyJobException unreachable(String action, String display, Throwable cause) {
    return CopyJobException.builder(ErrorCode.CONNECTION_FAILED, scrub("cannot reach " + service + " at " + endpoint
        + " to " + action + " " + display + ": " + cause)).cause(sanitized(cause)).build();
  }

  private static Throwable connectionCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpTimeoutException
          || t instanceof InterruptedIOException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The service's own explanation: the {@code Message} of its error body, first line only. */
  private String serviceMessage(Throwable e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    Matcher xml = XML_MESSAGE.matcher(text);
    if (xml.find()) {
      return firstLine(xml.group(1));
    }
    Matcher json = JSON_MESSAGE.matcher(text);
    if (json.find()) {
      return firstLine(json.group(1));
    }
    return firstLine(text);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String t = text.replace("\\n", "\n").strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).strip();
  }

  /**
   * A copy of {@code e}'s chain in which every message is scrubbed: same class names (in the message), same stack
   * traces, no reference to the SDK objects (whose responses hold request URLs and headers).
   */
  Throwable sanitized(Throwable e) {
    return sanitized(e, 0);
  }

  private Throwable sanitized(Throwable e, int depth) {
    if (e == null || depth > 8) {
      return null;
    }
    Throwable copy = new AzureIOException(e.getClass().getName() + ": " + scrub(String.valueOf(e.getMessage())),
        sanitized(e.getCause() == e ? null : e.getCause(), depth + 1));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** An I/O failure of an Azure store, its message scrubbed of secrets. */
  static final class AzureIOException extends IOException {
    private static final long serialVersionUID = 1L;

    AzureIOException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
