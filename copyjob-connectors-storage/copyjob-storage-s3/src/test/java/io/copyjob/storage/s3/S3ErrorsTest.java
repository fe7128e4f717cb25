package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
  private static final String SECRET = "sEcReT/value+1234567890";
  private static final S3Options OPTIONS = S3Options.parse(Map.of(S3Options.ENDPOINT, "http://127.0.0.1:9000",
      S3Options.ACCESS_KEY_ID, "AKIDEXAMPLE", S3Options.SECRET_ACCESS_KEY, SECRET));
  private final S3Errors errors = new S3Errors(OPTIONS);

  private static S3Exception s3(int status, String code, String message) {
    return (S3Exception) S3Exception.builder().statusCode(status).requestId("REQ123")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  private CopyJobException translate(SdkException e) {
    return errors.translate(e, "read", "s3://bucket/lake/a.csv");
  }

  @Test
  void credentialErrorsAreAuthenticationFailures() {
    for (String code : new String[] {"InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "AccessDenied"}) {
      CopyJobException e = translate(s3(403, code, "nope"));
      assertThat(e.code()).as(code).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(e).hasMessageContaining("could not read s3://bucket/lake/a.csv").hasMessageContaining("HTTP 403 " + code)
          .hasMessageContaining("request id REQ123");
      assertThat(e.retryable()).isFalse();
    }
    assertThat(translate(s3(400, "AuthorizationHeaderMalformed", "bad region")).code())
        .isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(translate(s3(403, "AccessDenied", "x"))).hasMessageContaining("not allowed");
  }

  @Test
  void aMissingBucketIsAStoreErrorNamingIt() {
    CopyJobException e = translate(NoSuchBucketException.builder().statusCode(404)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").errorMessage("gone").build()).build());
    assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR);
    assertThat(e).hasMessageContaining("the bucket 'bucket' does not exist");
    assertThat(S3Errors.isNotFound(NoSuchBucketException.builder().statusCode(404)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").build()).build())).isFalse();
  }

  @Test
  void notFoundIsRecognized() {
    assertThat(S3Errors.isNotFound(NoSuchKeyException.builder().statusCode(404).build())).isTrue();
    assertThat(S3Errors.isNotFound(s3(404, "", null))).isTrue();
    assertThat(S3Errors.isNotFound(s3(403, "AccessDenied", null))).isFalse();
    assertThat(S3Errors.isNotFound(SdkClientException.create("x"))).isFalse();
  }

  @Test
  void throttlingAndServerErrorsAreStoreErrorsAfterTheRetries() {
    CopyJobException slow = translate(s3(503, "SlowDown", "Please reduce your request rate."));
    assertThat(slow.code()).isEqualTo(ErrorCode.STORE_ERROR);
    assertThat(slow).hasMessageContaining("after 5 attempts").hasMessageContaining("SlowDown");
    assertThat(translate(s3(500, "InternalError", "oops")).code()).isEqualTo(ErrorCode.STORE_ERROR);
    assertThat(translate(s3(400, "InvalidRequest", "odd"))).hasMessageContaining("HTTP 400 InvalidRequest: odd");
  }

  @Test
  void networkFailuresAreRetryableConnectionFailures() {
    CopyJobException e = translate(SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new ConnectException("Connection refused")).build());
    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
    assertThat(e).hasMessageContaining("http://127.0.0.1:9000");
  }

  @Test
  void missingCredentialsAndInterruptsAreNamed() {
    CopyJobException creds = translate(SdkClientException.create("Unable to load credentials from any of the "
        + "providers in the chain"));
    assertThat(creds.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(creds).hasMessageContaining(S3Options.ACCESS_KEY_ID);
    assertThat(translate(AbortedException.create("aborted")).code()).isEqualTo(ErrorCode.CANCELLED);
  }

  @Test
  void secretsAreRedactedAndALeakingCauseIsDropped() {
    CopyJobException e = translate(s3(403, "SignatureDoesNotMatch", "calculated for AKIDEXAMPLE with " + SECRET));
    assertThat(e.getMessage()).doesNotContain(SECRET, "AKIDEXAMPLE").contains("****");
    assertThat(e.getCause()).isNull();
    CopyJobException clean = translate(s3(403, "SignatureDoesNotMatch", "does not match"));
    assertThat(clean.getCause()).isInstanceOf(S3Exception.class);
  }
}
