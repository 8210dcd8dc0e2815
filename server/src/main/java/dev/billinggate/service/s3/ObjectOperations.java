package dev.billinggate.service.s3;

import static dev.billinggate.service.s3.S3Records.OBJECTS;

import dev.billinggate.core.AwsException;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.StreamingOperation.Streamed;
import dev.billinggate.service.s3.S3Records.StoredBucket;
import dev.billinggate.service.s3.S3Records.StoredObject;
import dev.billinggate.store.ReadTx.Entry;
import dev.billinggate.store.Store;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.*;

/** Objects: put (with Content-MD5 and additional checksums), get, head, delete, list (v2), copy. */
final class ObjectOperations {
  private static final int MAX_KEY_BYTES = 1024;
  private static final int MAX_KEYS = 1000;

  private final Store store;
  private final BucketOperations buckets;

  ObjectOperations(Store store, BucketOperations buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  Streamed<PutObjectResponse> putObject(PutObjectRequest r, byte[] body, CallContext ctx) {
    requireKey(r.key());
    StoredBucket bucket = buckets.bucket(r.bucket());
    checkContentMd5(r.contentMD5(), body);
    Map<String, String> declared = new LinkedHashMap<>();
    declared.put("CRC32", r.checksumCRC32());
    declared.put("CRC32C", r.checksumCRC32C());
    declared.put("CRC64NVME", r.checksumCRC64NVME());
    declared.put("SHA1", r.checksumSHA1());
    declared.put("SHA256", r.checksumSHA256());
    Map<String, String> checksums = Checksums.verified(declared, body);
    String encryption = r.serverSideEncryptionAsString() != null ? r.serverSideEncryptionAsString()
        : BucketOperations.encryption(bucket).algorithm();
    StoredObject object = new StoredObject(r.bucket(), r.key(), Base64.getEncoder().encodeToString(body), body.length,
        etag(body), ctx.now(), r.contentType() != null ? r.contentType() : "binary/octet-stream",
        r.metadata() == null ? Map.of() : Map.copyOf(r.metadata()), checksums, encryption);
    store.write(tx -> {
      BucketOperations.requireBucket(tx, r.bucket());
      tx.put(OBJECTS, S3Records.objectKey(r.bucket(), r.key()), object);
      return null;
    });
    PutObjectResponse.Builder response = PutObjectResponse.builder().eTag(object.etag())
        .serverSideEncryption(encryption).size((long) body.length);
    withChecksums((SdkPojo) response, checksums);
    return new Streamed<>(response.build(), null);
  }

  Streamed<GetObjectResponse> getObject(GetObjectRequest r, byte[] ignored, CallContext ctx) {
    StoredObject object = object(r.bucket(), r.key());
    checkConditions(object, r.ifMatch(), r.ifNoneMatch());
    byte[] data = Base64.getDecoder().decode(object.data());
    ByteRange range = ByteRange.parse(r.range(), data.length);
    GetObjectResponse.Builder response = GetObjectResponse.builder().eTag(object.etag())
        .lastModified(object.lastModified()).contentType(object.contentType()).metadata(object.metadata())
        .serverSideEncryption(object.serverSideEncryption()).acceptRanges("bytes");
    if (range != null) {
      // A part has no checksum of its own: the whole object's would fail the SDK's validation.
      return new Streamed<>(response.contentLength((long) range.length()).contentRange(range.contentRange(data.length))
          .build(), range.of(data));
    }
    if (r.checksumMode() == ChecksumMode.ENABLED) {
      withChecksums((SdkPojo) response, object.checksums());
    }
    return new Streamed<>(response.contentLength(object.size()).build(), data);
  }

  HeadObjectResponse headObject(HeadObjectRequest r, CallContext ctx) {
    StoredObject object = object(r.bucket(), r.key());
    checkConditions(object, r.ifMatch(), r.ifNoneMatch());
    HeadObjectResponse.Builder response = HeadObjectResponse.builder().contentLength(object.size()).eTag(object.etag())
        .lastModified(object.lastModified()).contentType(object.contentType()).metadata(object.metadata())
        .serverSideEncryption(object.serverSideEncryption()).acceptRanges("bytes");
    if (r.checksumMode() == ChecksumMode.ENABLED) {
      withChecksums((SdkPojo) response, object.checksums());
    }
    return response.build();
  }

  /** Deleting a key that does not exist succeeds, as in AWS. */
  DeleteObjectResponse deleteObject(DeleteObjectRequest r, CallContext ctx) {
    store.write(tx -> {
      BucketOperations.requireBucket(tx, r.bucket());
      tx.delete(OBJECTS, S3Records.objectKey(r.bucket(), r.key()));
      return null;
    });
    return DeleteObjectResponse.builder().build();
  }

  ListObjectsV2Response listObjectsV2(ListObjectsV2Request r, CallContext ctx) {
    buckets.bucket(r.bucket());
    int maxKeys = r.maxKeys() == null ? MAX_KEYS : r.maxKeys();
    if (maxKeys < 0) {
      throw S3Error.INVALID_ARGUMENT.error("Argument maxKeys must be an integer between 0 and 2147483647",
          "ArgumentName", "maxKeys");
    }
    maxKeys = Math.min(maxKeys, MAX_KEYS);
    String prefix = r.prefix() == null ? "" : r.prefix();
    String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
    String after = r.continuationToken() != null ? token(r.continuationToken()) : r.startAfter();
    String bucketPrefix = S3Records.objectKey(r.bucket(), "");
    List<Entry<StoredObject>> rows = store.read(tx -> tx.scan(OBJECTS, bucketPrefix + prefix, null, Integer.MAX_VALUE));
    boolean url = r.encodingType() == EncodingType.URL;
    List<S3Object> contents = new ArrayList<>();
    Set<String> commonPrefixes = new LinkedHashSet<>();
    String last = null;
    boolean truncated = false;
    for (Entry<StoredObject> row : rows) {
      StoredObject object = row.value();
      String key = object.key();
      String rolledUp = rolledUp(key, prefix, delimiter);
      String position = rolledUp != null ? rolledUp : key;
      if (after != null && position.compareTo(after) <= 0) {
        continue;
      }
      if (rolledUp != null && commonPrefixes.contains(rolledUp)) {
        continue;
      }
      if (contents.size() + commonPrefixes.size() >= maxKeys) {
        truncated = true;
        break;
      }
      if (rolledUp != null) {
        commonPrefixes.add(rolledUp);
      } else {
        contents.add(S3Object.builder().key(encoded(key, url)).lastModified(object.lastModified()).eTag(object.etag())
            .size(object.size()).storageClass(ObjectStorageClass.STANDARD).build());
      }
      last = position;
    }
    ListObjectsV2Response.Builder response = ListObjectsV2Response.builder().name(r.bucket())
        .prefix(encoded(prefix, url)).maxKeys(maxKeys).keyCount(contents.size() + commonPrefixes.size())
        .isTruncated(truncated).contents(contents)
        .commonPrefixes(commonPrefixes.stream().map(p -> CommonPrefix.builder().prefix(encoded(p, url)).build()).toList())
        .continuationToken(r.continuationToken()).startAfter(r.startAfter() == null ? null : encoded(r.startAfter(), url));
    if (delimiter != null) {
      response.delimiter(encoded(delimiter, url));
    }
    if (url) {
      response.encodingType(EncodingType.URL);
    }
    if (truncated) {
      response.nextContinuationToken(Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
    return response.build();
  }

  CopyObjectResponse copyObject(CopyObjectRequest r, CallContext ctx) {
    requireKey(r.destinationKey());
    String[] source = copySource(r.copySource());
    StoredObject original = object(source[0], source[1]);
    StoredBucket target = buckets.bucket(r.destinationBucket());
    boolean replace = r.metadataDirective() == MetadataDirective.REPLACE;
    if (source[0].equals(r.destinationBucket()) && source[1].equals(r.destinationKey()) && !replace
        && r.serverSideEncryption() == null && r.storageClass() == null && r.websiteRedirectLocation() == null) {
      throw S3Error.INVALID_REQUEST.exception("This copy request is illegal because it is trying to copy an object to "
          + "itself without changing the object's metadata, storage class, website redirect location or encryption "
          + "attributes.");
    }
    String encryption = r.serverSideEncryptionAsString() != null ? r.serverSideEncryptionAsString()
        : BucketOperations.encryption(target).algorithm();
    StoredObject copy = new StoredObject(r.destinationBucket(), r.destinationKey(), original.data(), original.size(),
        original.etag(), ctx.now(),
        replace ? (r.contentType() != null ? r.contentType() : "binary/octet-stream") : original.contentType(),
        replace ? (r.metadata() == null ? Map.of() : Map.copyOf(r.metadata())) : original.metadata(),
        original.checksums(), encryption);
    store.write(tx -> {
      BucketOperations.requireBucket(tx, r.destinationBucket());
      tx.put(OBJECTS, S3Records.objectKey(r.destinationBucket(), r.destinationKey()), copy);
      return null;
    });
    return CopyObjectResponse.builder().serverSideEncryption(encryption)
        .copyObjectResult(c -> c.eTag(copy.etag()).lastModified(copy.lastModified())).build();
  }

  /** {@code x-amz-copy-source}: {@code [/]bucket/key[?versionId=...]}, URL-encoded. */
  static String[] copySource(String header) {
    String decoded = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
    int query = decoded.indexOf("?versionId=");
    String path = query < 0 ? decoded : decoded.substring(0, query);
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw S3Error.INVALID_ARGUMENT.error("Invalid copy source object key", "ArgumentName", "x-amz-copy-source");
    }
    return new String[] {path.substring(0, slash), path.substring(slash + 1)};
  }

  private StoredObject object(String bucket, String key) {
    buckets.bucket(bucket);
    return store.read(tx -> tx.get(OBJECTS, S3Records.objectKey(bucket, key)))
        .orElseThrow(() -> S3Error.NO_SUCH_KEY.error("The specified key does not exist.", "Key", key));
  }

  /** {@code If-Match} (else 412) and {@code If-None-Match} (else 304) against the object's ETag; {@code *} matches any. */
  private static void checkConditions(StoredObject object, String ifMatch, String ifNoneMatch) {
    if (ifMatch != null && !etagMatches(ifMatch, object.etag())) {
      throw S3Error.PRECONDITION_FAILED.error("At least one of the pre-conditions you specified did not hold",
          "Condition", "If-Match");
    }
    if (ifNoneMatch != null && etagMatches(ifNoneMatch, object.etag())) {
      throw S3Error.NOT_MODIFIED.exception("Not Modified");
    }
  }

  private static boolean etagMatches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || trimmed.equals(etag) || ("\"" + trimmed + "\"").equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static void requireKey(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new AwsException(S3Error.KEY_TOO_LONG, "Your key is too long",
          Map.of("Size", Integer.toString(key.getBytes(StandardCharsets.UTF_8).length),
              "MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES)));
    }
  }

  private static void checkContentMd5(String contentMd5, byte[] body) {
    if (contentMd5 == null) {
      return;
    }
    byte[] sent;
    try {
      sent = Base64.getDecoder().decode(contentMd5.trim());
    } catch (IllegalArgumentException e) {
      sent = new byte[0];
    }
    if (sent.length != 16) {
      throw S3Error.INVALID_DIGEST.error("The Content-MD5 you specified was invalid.", "Content-MD5", contentMd5);
    }
    if (!MessageDigest.isEqual(sent, Checksums.md5(body))) {
      throw S3Error.BAD_DIGEST.exception("The Content-MD5 you specified did not match what we received.");
    }
  }

  /** S3's ETag of a single-part upload: the quoted hex MD5 of the data. */
  static String etag(byte[] body) {
    return "\"" + HexFormat.of().formatHex(Checksums.md5(body)) + "\"";
  }

  /** The common prefix {@code key} rolls up into under {@code delimiter}, or {@code null}. */
  private static String rolledUp(String key, String prefix, String delimiter) {
    if (delimiter == null) {
      return null;
    }
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }

  private static String token(String continuationToken) {
    try {
      return new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Error.INVALID_ARGUMENT.error("The continuation token provided is incorrect", "ArgumentName",
          "continuation-token");
    }
  }

  private static String encoded(String value, boolean url) {
    return url ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
  }

  /** Sets the {@code Checksum<ALGORITHM>} members of a response builder (PutObject's, GetObject's, HeadObject's). */
  private static void withChecksums(SdkPojo builder, Map<String, String> checksums) {
    for (SdkField<?> field : builder.sdkFields()) {
      String value = checksums.get(field.memberName().replaceFirst("^Checksum", ""));
      if (value != null && field.memberName().startsWith("Checksum")) {
        field.set(builder, value);
      }
    }
  }
}
