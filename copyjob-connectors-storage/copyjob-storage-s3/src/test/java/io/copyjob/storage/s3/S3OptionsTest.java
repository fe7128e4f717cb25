package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3OptionsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void assertInvalid(Map<String, String> options, String option, String... fragments) {
    assertThatThrownBy(() -> S3Options.parse(options)).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
      assertThat(e.getMessage()).contains("option '" + option + "'").contains(fragments)
          .doesNotContain(SECRET, TOKEN);
    });
  }

  @Test
  void defaultsWithoutAnyOption() {
    S3Options o = S3Options.parse(map("location", "s3://b/p", "format", "csv"));
    assertThat(o.region()).isEmpty();
    assertThat(o.endpoint()).isEmpty();
    assertThat(o.pathStyle()).isFalse();
    assertThat(o.hasStaticCredentials()).isFalse();
    assertThat(o.partSizeBytes()).isEqualTo(16L << 20);
    assertThat(o.listPageSize()).isEqualTo(1000);
    assertThat(o.maxAttempts()).isEqualTo(5);
  }

  @Test
  void readsEveryOption() {
    S3Options o = S3Options.parse(map(S3Options.REGION, " eu-west-1 ", S3Options.ENDPOINT, "https://minio.local:9000",
        S3Options.PATH_STYLE, "FALSE", S3Options.ACCESS_KEY_ID, "AKIDEXAMPLE", S3Options.SECRET_ACCESS_KEY, SECRET,
        S3Options.SESSION_TOKEN, TOKEN, S3Options.PART_SIZE_BYTES, "5242880", S3Options.LIST_PAGE_SIZE, "10",
        S3Options.MAX_ATTEMPTS, "3"));
    assertThat(o.region()).contains("eu-west-1");
    assertThat(o.endpoint()).contains(URI.create("https://minio.local:9000"));
    assertThat(o.pathStyle()).isFalse();
    assertThat(o.accessKeyId()).contains("AKIDEXAMPLE");
    assertThat(o.secretAccessKey()).contains(SECRET);
    assertThat(o.sessionToken()).contains(TOKEN);
    assertThat(o.partSizeBytes()).isEqualTo(5L << 20);
    assertThat(o.listPageSize()).isEqualTo(10);
    assertThat(o.maxAttempts()).isEqualTo(3);
  }

  @Test
  void anonymousReadsSignNothingAndExcludeStaticCredentials() {
    S3Options o = S3Options.parse(map(S3Options.ANONYMOUS, "true"));
    assertThat(o.anonymous()).isTrue();
    assertThat(o.hasStaticCredentials()).isFalse();
    assertThat(o.toString()).contains("credentials=anonymous");
    assertThatThrownBy(() -> S3Options.parse(map(S3Options.ANONYMOUS, "true", S3Options.ACCESS_KEY_ID, "AKIDEXAMPLE",
        S3Options.SECRET_ACCESS_KEY, SECRET)))
        .hasMessageContaining(S3Options.ANONYMOUS).hasMessageContaining("conflicts").hasMessageNotContaining(SECRET);
  }

  @Test
  void anEndpointImpliesPathStyleUnlessTurnedOff() {
    assertThat(S3Options.parse(map(S3Options.ENDPOINT, "http://127.0.0.1:9000")).pathStyle()).isTrue();
    assertThat(S3Options.parse(map(S3Options.ENDPOINT, "http://127.0.0.1:9000", S3Options.PATH_STYLE, "false"))
        .pathStyle()).isFalse();
    assertThat(S3Options.parse(map(S3Options.PATH_STYLE, "true")).pathStyle()).isTrue();
  }

  @Test
  void rejectsBadValuesNamingTheOption() {
    assertInvalid(map("s3.regoin", "eu-west-1"), "s3.regoin", "is unknown", S3Options.REGION);
    assertInvalid(map(S3Options.REGION, "EU West"), S3Options.REGION, "region name");
    assertInvalid(map(S3Options.REGION, " "), S3Options.REGION, "must not be empty");
    assertInvalid(map(S3Options.ENDPOINT, "minio:9000"), S3Options.ENDPOINT, "http or https");
    assertInvalid(map(S3Options.ENDPOINT, "ftp://host"), S3Options.ENDPOINT, "http or https");
    assertInvalid(map(S3Options.ENDPOINT, "http://host/?x=1"), S3Options.ENDPOINT, "query");
    assertInvalid(map(S3Options.PATH_STYLE, "yes"), S3Options.PATH_STYLE, "true or false");
    assertInvalid(map(S3Options.PART_SIZE_BYTES, "1000"), S3Options.PART_SIZE_BYTES, "5242880", "got 1000");
    assertInvalid(map(S3Options.PART_SIZE_BYTES, "6000000000"), S3Options.PART_SIZE_BYTES, "5 GiB");
    assertInvalid(map(S3Options.PART_SIZE_BYTES, "16MB"), S3Options.PART_SIZE_BYTES, "whole number");
    assertInvalid(map(S3Options.LIST_PAGE_SIZE, "0"), S3Options.LIST_PAGE_SIZE, "between 1 and 1000");
    assertInvalid(map(S3Options.LIST_PAGE_SIZE, "1001"), S3Options.LIST_PAGE_SIZE, "between 1 and 1000");
    assertInvalid(map(S3Options.MAX_ATTEMPTS, "0"), S3Options.MAX_ATTEMPTS, "between 1 and 20");
  }

  @Test
  void credentialsComeAsAPair() {
    assertInvalid(map(S3Options.ACCESS_KEY_ID, "AKID"), S3Options.SECRET_ACCESS_KEY, "is required");
    assertInvalid(map(S3Options.SECRET_ACCESS_KEY, SECRET), S3Options.ACCESS_KEY_ID, "is required");
    assertInvalid(map(S3Options.SESSION_TOKEN, TOKEN), S3Options.SESSION_TOKEN, "only used with");
  }

  @Test
  void anEndpointWithUserInfoIsRejectedWithoutEchoingIt() {
    assertInvalid(map(S3Options.ENDPOINT, "https://AKID:" + SECRET.replace("/", "") + "@minio.local"),
        S3Options.ENDPOINT, "user info");
    assertThatThrownBy(() -> S3Options.parse(map(S3Options.ENDPOINT, "https://AKID:hunter2@minio.local")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void secretsAreMaskedInToStringAndRedactedFromText() {
    S3Options o = S3Options.parse(map(S3Options.REGION, "us-west-2", S3Options.ACCESS_KEY_ID, "AKIDEXAMPLE",
        S3Options.SECRET_ACCESS_KEY, SECRET, S3Options.SESSION_TOKEN, TOKEN));
    assertThat(o.toString()).contains("us-west-2", "static session ****")
        .doesNotContain("AKIDEXAMPLE", SECRET, TOKEN);
    assertThat(o.redact("key AKIDEXAMPLE secret " + SECRET + " token " + TOKEN))
        .isEqualTo("key **** secret **** token ****");
    assertThat(o.redact(null)).isNull();
    assertThat(S3Options.parse(map()).toString()).contains("default chain");
  }

  @Test
  void namesListEveryOptionAndTheSecretOnes() {
    assertThat(S3Options.NAMES).contains(S3Options.REGION, S3Options.ENDPOINT, S3Options.PATH_STYLE,
        S3Options.ACCESS_KEY_ID, S3Options.SECRET_ACCESS_KEY, S3Options.SESSION_TOKEN, S3Options.PART_SIZE_BYTES);
    assertThat(S3Options.SENSITIVE).containsExactlyInAnyOrder(S3Options.ACCESS_KEY_ID, S3Options.SECRET_ACCESS_KEY,
        S3Options.SESSION_TOKEN);
    assertThat(new S3FileStoreProvider().optionNames()).isEqualTo(S3Options.NAMES);
    assertThat(new S3FileStoreProvider().sensitiveOptions()).isEqualTo(S3Options.SENSITIVE);
  }
}
