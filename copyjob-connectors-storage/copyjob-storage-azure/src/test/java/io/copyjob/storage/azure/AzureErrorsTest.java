package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Error mapping and redaction, with SDK exceptions made up as the service would send them. */
class AzureErrorsTest {
  static final String SIG = "Zm9vYmFyLXNpZ25hdHVyZS1zZWNyZXQ%3D";
  static final String SAS = "sv=2024-08-04&ss=b&sp=rl&sig=" + SIG;
  static final AzureUri URI = AzureUri.parse("https://acct1.blob.core.windows.net/lake/sales");
  final AzureOptions options = AzureOptions.parse(AzureOptionsTest.opts(AzureOptions.SAS_TOKEN, SAS), URI);
  final AzureErrors errors = new AzureErrors(URI, options);

  static HttpResponse response(int status, String errorCode) {
    HttpHeaders headers = new HttpHeaders();
    if (errorCode != null) {
      headers.set("x-ms-error-code", errorCode);
    }
    HttpRequest request = new HttpRequest(HttpMethod.GET,
        "https://acct1.blob.core.windows.net/lake/sales/x.csv?" + SAS);
    return new HttpResponse(request) {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      public String getHeaderValue(String name) {
        return headers.getValue(name);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }

      @Override
      public Flux<ByteBuffer> getBody() {
        return Flux.empty();
      }

      @Override
      public Mono<byte[]> getBodyAsByteArray() {
        return Mono.empty();
      }

      @Override
      public Mono<String> getBodyAsString() {
        return Mono.empty();
      }

      @Override
      public Mono<String> getBodyAsString(Charset charset) {
        return Mono.empty();
      }
    };
  }

  static BlobStorageException blobError(int status, String code, String message) {
    return new BlobStorageException("Status code " + status + ", \"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error>"
        + "<Code>" + code + "</Code><Message>" + message + "\nRequestId:abc\nTime:2026-01-01</Message>"
        + "<AuthenticationErrorDetail>Signature did not match. String to sign used was r sig=" + SIG
        + "</AuthenticationErrorDetail></Error>\"", response(status, code), null);
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void refusedCredentialsAreAuthenticationFailedWithoutTheSecret() {
    BlobStorageException e = blobError(403, "AuthenticationFailed", "Server failed to authenticate the request.");
    assertThatThrownBy(() -> errors.translate("list", "https://acct1.blob.core.windows.net/lake/sales", e))
        .isInstanceOfSatisfying(CopyJobException.class, c -> {
          assertThat(c.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
          assertThat(c.getMessage()).contains("Azure Blob Storage refused the credentials to list")
              .contains("HTTP 403 authenticationfailed").contains("Server failed to authenticate the request.")
              .doesNotContain(SIG).doesNotContain("RequestId");
          assertThat(stackTrace(c)).doesNotContain(SIG).doesNotContain("%3D").contains("BlobStorageException");
        });
    assertThatThrownBy(() -> errors.translate("read", "x", blobError(403, "AuthorizationPermissionMismatch", "no")))
        .isInstanceOfSatisfying(CopyJobException.class,
            c -> assertThat(c.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
    assertThatThrownBy(() -> errors.translate("read", "x", new ClientAuthenticationException("AADSTS7000215: bad "
        + "secret", null))).isInstanceOfSatisfying(CopyJobException.class,
            c -> assertThat(c.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
  }

  @Test
  void missingContainerIsAStoreErrorNamingIt() {
    for (RuntimeException e : new RuntimeException[] {blobError(404, "ContainerNotFound", "The specified container "
        + "does not exist."), new DataLakeStorageException("{\"error\":{\"code\":\"FilesystemNotFound\"}}",
        response(404, "FilesystemNotFound"), null)}) {
      assertThat(AzureErrors.isNotFound(e)).isFalse();
      assertThatThrownBy(() -> errors.translate("list", "x", e)).isInstanceOfSatisfying(CopyJobException.class, c -> {
        assertThat(c.code()).isEqualTo(ErrorCode.STORE_ERROR);
        assertThat(c.getMessage()).contains("container 'lake' does not exist in the storage account 'acct1'");
      });
    }
  }

  @Test
  void missingFileIsNoSuchFile() {
    BlobStorageException e = blobError(404, "BlobNotFound", "The specified blob does not exist.");
    assertThat(AzureErrors.isNotFound(e)).isTrue();
    IOException io = errors.translate("open", "https://acct1.blob.core.windows.net/lake/sales/x.csv", e);
    assertThat(io).isInstanceOf(NoSuchFileException.class).hasMessageContaining("sales/x.csv");
    // HEAD requests have no body: the code comes from the header, or there is none.
    assertThat(errors.translate("check", "y", new BlobStorageException("Status code 404, (empty body)",
        response(404, null), null))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void otherHttpFailuresAreIoExceptionsWithStatusAndCode() {
    IOException io = errors.translate("read", "x.csv", blobError(500, "InternalError", "Oops sig=" + SIG));
    assertThat(io).hasMessageContaining("read x.csv failed: HTTP 500 internalerror: Oops sig=****")
        .hasMessageNotContaining(SIG);
    assertThat(stackTrace(io)).doesNotContain(SIG);
    assertThat(errors.translate("read", "x.csv", blobError(412, "ConditionNotMet", "The condition ...")))
        .hasMessageContaining("changed while it was being read");
  }

  @Test
  void unreachableEndpointIsConnectionFailed() {
    RuntimeException e = new UncheckedIOException(new ConnectException("Connection refused"));
    assertThatThrownBy(() -> errors.translate("list", "x", e)).isInstanceOfSatisfying(CopyJobException.class, c -> {
      assertThat(c.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
      assertThat(c.retryable()).isTrue();
      assertThat(c.getMessage()).contains("cannot reach Azure Blob Storage at https://acct1.blob.core.windows.net");
    });
  }

  @Test
  void scrubRemovesEveryFormOfTheSecret() {
    assertThat(errors.scrub("token " + SAS + " and decoded Zm9vYmFyLXNpZ25hdHVyZS1zZWNyZXQ=")).doesNotContain(SIG)
        .doesNotContain("Zm9vYmFyLXNpZ25hdHVyZS1zZWNyZXQ").contains("****");
    assertThat(errors.scrub("https://h/c?sv=1&sig=other-signature&x=1")).isEqualTo("https://h/c?sv=1&sig=****&x=1");
  }
}
