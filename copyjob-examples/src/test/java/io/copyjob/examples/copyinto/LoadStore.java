package io.copyjob.examples.copyinto;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.copyjob.storage.files.copyinto.CopyInto;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.testkit.AzuriteServer;
import io.copyjob.testkit.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where COPY INTO ITs put their files: a fresh folder on the local disk, a fresh s3proxy bucket or a fresh Azurite
 * container, with the CREDENTIAL clause a statement gives for it (none for local files; an S3 access key; a
 * shared access signature or the account key) and the store options that reach the emulator.
 */
public final class LoadStore {
  /** The kinds of store the ITs run on. */
  public enum Kind { LOCAL, S3, BLOB }

  /** Which CREDENTIAL form a statement uses where the store has several. */
  public enum Identity { SAS, ACCOUNT_KEY }

  private final Kind kind;
  private final String base;
  private final Map<String, String> endpoint;
  private final Map<String, String> access;
  private final String container;

  private LoadStore(Kind kind, String base, Map<String, String> endpoint, Map<String, String> access,
      String container) {
    this.kind = kind;
    this.base = base;
    this.endpoint = endpoint;
    this.access = access;
    this.container = container;
  }

  /** A fresh, empty store of {@code kind}. */
  public static LoadStore fresh(Kind kind) {
    switch (kind) {
      case S3: {
        S3ProxyServer s3 = S3ProxyServer.get();
        return new LoadStore(kind, "s3://" + s3.newBucket("copyinto"),
            Map.of("s3.endpoint", s3.endpoint().toString(), "s3.region", s3.region()),
            Map.of("s3.accessKeyId", s3.accessKeyId(), "s3.secretAccessKey", s3.secretAccessKey()), null);
      }
      case BLOB: {
        String c = AzuriteServer.newContainer("copyinto");
        return new LoadStore(kind, AzuriteServer.blobUrl(c, ""), Map.of("azure.endpoint", AzuriteServer.endpoint()),
            Map.of("azure.accountKey", AzuriteServer.KEY), c);
      }
      default: {
        Path dir = Path.of("target", "copyinto-it", UUID.randomUUID().toString()).toAbsolutePath();
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new LoadStore(kind, dir.toString(), Map.of(), Map.of(), null);
      }
    }
  }

  public Kind kind() { return kind; }

  /** The location of {@code path} in this store, as a statement's FROM names it. */
  public String url(String path) {
    return base + "/" + path;
  }

  /**
   * The ERRORFILE a statement gives for folder {@code name}: for stores a path from the container's root (as the
   * reference's {@code '/errorsfolder'}), for local files an absolute path.
   */
  public String errorFile(String name) {
    return kind == Kind.LOCAL ? url(name) : "/" + name;
  }

  /** The {@code CREDENTIAL = (...), } clause, empty for local files. */
  public String credential(Identity identity) {
    switch (kind) {
      case S3:
        return "CREDENTIAL = (IDENTITY = 'S3 Access Key', SECRET = '" + access.get("s3.accessKeyId") + ":"
            + access.get("s3.secretAccessKey") + "'), ";
      case BLOB:
        return identity == Identity.SAS
            ? "CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '" + sas() + "'), "
            : "CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '" + AzuriteServer.KEY + "'), ";
      default:
        return "";
    }
  }

  /**
   * Lets anyone read the bucket or container (public storage) and returns the clause that reads it without a
   * credential; empty for local files.
   */
  public String makePublic() {
    switch (kind) {
      case S3: {
        S3ProxyServer s3 = S3ProxyServer.get();
        try (software.amazon.awssdk.services.s3.S3Client client = software.amazon.awssdk.services.s3.S3Client.builder()
            .endpointOverride(s3.endpoint()).forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.of(s3.region()))
            .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(s3.accessKeyId(),
                    s3.secretAccessKey())))
            .build()) {
          client.putBucketAcl(r -> r.bucket(base.substring("s3://".length()))
              .acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
        }
        return "CREDENTIAL = (IDENTITY = 'Anonymous'), ";
      }
      case BLOB:
        new BlobServiceClientBuilder().endpoint(AzuriteServer.endpoint())
            .credential(new StorageSharedKeyCredential(AzuriteServer.ACCOUNT, AzuriteServer.KEY)).buildClient()
            .getBlobContainerClient(container)
            .setAccessPolicy(com.azure.storage.blob.models.PublicAccessType.CONTAINER, null);
        return "CREDENTIAL = (IDENTITY = 'Anonymous'), ";
      default:
        return "";
    }
  }

  /** The statement with the emulator's endpoint options added (what a real store needs no option for). */
  public CopyInto.Builder parse(String statement) {
    CopyInto.Builder b = CopyInto.parse(statement);
    endpoint.forEach(b::storeOption);
    return b;
  }

  /**
   * The statement with the emulator's endpoint and its credentials as store options: what a statement without
   * CREDENTIAL gets from the store module's default chain (the emulators have no anonymous access).
   */
  public CopyInto.Builder parseWithDefaultChain(String statement) {
    CopyInto.Builder b = CopyInto.parse(statement);
    options().forEach(b::storeOption);
    return b;
  }

  /** Every option that reaches this store: endpoint and credentials. */
  public Map<String, String> options() {
    Map<String, String> all = new HashMap<>(endpoint);
    all.putAll(access);
    return all;
  }

  public void write(String path, byte[] content) {
    try (FileStore store = FileStores.open(base, options())) {
      PendingFile f = store.create(path);
      f.stream().write(content);
      f.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] read(String path) {
    try (FileStore store = FileStores.open(base, options()); InputStream in = store.openRead(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paths of every file below {@code folder}. */
  public List<String> list(String folder) {
    try (FileStore store = FileStores.open(base, options())) {
      return store.list(folder).stream().map(FileInfo::path).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String sas() {
    BlobContainerClient client = new BlobServiceClientBuilder().endpoint(AzuriteServer.endpoint())
        .credential(new StorageSharedKeyCredential(AzuriteServer.ACCOUNT, AzuriteServer.KEY)).buildClient()
        .getBlobContainerClient(container);
    return client.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
        BlobContainerSasPermission.parse("racwdl")));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
