package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.SERVER_CERTIFICATES;
import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.core.AwsException;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.ServerCertificate;
import dev.billinggate.store.ReadTx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.DeleteServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.DeleteServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.GetServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.GetServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.TagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.TagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UpdateServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UpdateServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateResponse;

/**
 * Server certificates (for load balancers and CloudFront, before ACM): a PEM certificate, its chain,
 * and a private key that must belong to the certificate.
 */
final class ServerCertificateOperations {
  static final int CERTIFICATES_PER_ACCOUNT = 20;
  private static final byte[] PROBE = "billing-gate key pair check".getBytes(StandardCharsets.US_ASCII);

  private final IamEnv env;
  private final IamRules rules;
  private final TaggedResources<ServerCertificate> certificates;
  private final IamRules.TagLookup tagsOf;

  public ServerCertificateOperations(IamEnv env) {
    this.env = env;
    this.rules = new IamRules(env.store());
    this.certificates = new TaggedResources<>(env.store(), SERVER_CERTIFICATES,
        (tx, account, name) -> tx.get(SERVER_CERTIFICATES, key(account, name)), c -> key(c.accountId(), c.name()),
        name -> IamError.NO_SUCH_ENTITY.exception("The Server Certificate with name %s cannot be found.", name));
    this.tagsOf = certificates.tagLookup(IamArns::name);
  }

  public void register(OperationTable t) {
    t.on(UploadServerCertificateRequest.class, IamRules.withRequestTags(rules.on("iam:UploadServerCertificate",
        (r, a) -> IamArns.serverCertificate(a, IamArns.path(r.path()), r.serverCertificateName())), r -> r.tags()),
        this::upload);
    t.on(GetServerCertificateRequest.class,
        rules.on("iam:GetServerCertificate", (r, a) -> arn(a, r.serverCertificateName()), tagsOf), this::get);
    t.on(ListServerCertificatesRequest.class, rules.on("iam:ListServerCertificates",
        (r, a) -> IamArns.serverCertificate(a, IamArns.path(r.pathPrefix()), "")), this::list);
    t.on(UpdateServerCertificateRequest.class,
        rules.on("iam:UpdateServerCertificate", (r, a) -> arn(a, r.serverCertificateName()), tagsOf),
        this::update);
    t.on(DeleteServerCertificateRequest.class,
        rules.on("iam:DeleteServerCertificate", (r, a) -> arn(a, r.serverCertificateName()), tagsOf),
        this::delete);
    t.on(TagServerCertificateRequest.class, IamRules.withRequestTags(rules.on("iam:TagServerCertificate",
        (r, a) -> arn(a, r.serverCertificateName()), tagsOf), r -> r.tags()), this::tag);
    t.on(UntagServerCertificateRequest.class, IamRules.withTagKeys(rules.on("iam:UntagServerCertificate",
        (r, a) -> arn(a, r.serverCertificateName()), tagsOf), r -> r.tagKeys()), this::untag);
    t.on(ListServerCertificateTagsRequest.class,
        rules.on("iam:ListServerCertificateTags", (r, a) -> arn(a, r.serverCertificateName()), tagsOf),
        this::listTags);
  }

  UploadServerCertificateResponse upload(UploadServerCertificateRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    X509Certificate certificate = single(r.certificateBody());
    if (r.certificateChain() != null && Pem.certificates(r.certificateChain()).isEmpty()) {
      throw malformed();
    }
    requireMatch(certificate, Pem.privateKey(r.privateKey()).orElseThrow(() -> IamError.MALFORMED_CERTIFICATE
        .exception("The request was rejected because the private key is malformed.")));
    ServerCertificate created = new ServerCertificate(account, r.serverCertificateName(),
        env.ids().serverCertificateId(), IamArns.path(r.path()), r.certificateBody(), r.certificateChain(),
        certificate.getNotAfter().toInstant(), ctx.now(), Tags.initial(r.tags()));
    return env.store().write(tx -> {
      requireFree(tx, account, created.name());
      if (tx.count(SERVER_CERTIFICATES, account + "/") >= CERTIFICATES_PER_ACCOUNT) {
        throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for ServerCertificatesPerAccount: %d",
            CERTIFICATES_PER_ACCOUNT);
      }
      tx.put(SERVER_CERTIFICATES, key(account, created.name()), created);
      return UploadServerCertificateResponse.builder().serverCertificateMetadata(metadata(created))
          .tags(Tags.toSdk(created.tags())).build();
    });
  }

  GetServerCertificateResponse get(GetServerCertificateRequest r, CallContext ctx) {
    ServerCertificate c = certificates.read(ctx.caller().accountId(), r.serverCertificateName());
    return GetServerCertificateResponse.builder().serverCertificate(s -> s.serverCertificateMetadata(metadata(c))
        .certificateBody(c.body()).certificateChain(c.chain()).tags(Tags.toSdk(c.tags()))).build();
  }

  ListServerCertificatesResponse list(ListServerCertificatesRequest r, CallContext ctx) {
    List<ServerCertificate> all = env.store().read(tx -> tx.scan(SERVER_CERTIFICATES, ctx.caller().accountId() + "/",
        null, Integer.MAX_VALUE)).stream().map(ReadTx.Entry::value)
        .filter(c -> r.pathPrefix() == null || c.path().startsWith(r.pathPrefix())).toList();
    Pagination.Page<ServerCertificate> page = Pagination.page(all, c -> c.name().toLowerCase(Locale.ROOT),
        r.marker(), r.maxItems());
    return ListServerCertificatesResponse.builder()
        .serverCertificateMetadataList(page.items().stream().map(ServerCertificateOperations::metadata).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  /** Renames and moves; the ARN follows. */
  UpdateServerCertificateResponse update(UpdateServerCertificateRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      ServerCertificate current = certificates.require(tx, account, r.serverCertificateName());
      String name = r.newServerCertificateName() == null ? current.name() : r.newServerCertificateName();
      if (!name.equalsIgnoreCase(current.name())) {
        requireFree(tx, account, name);
      }
      tx.delete(SERVER_CERTIFICATES, key(account, current.name()));
      tx.put(SERVER_CERTIFICATES, key(account, name),
          current.renamed(name, r.newPath() == null ? current.path() : r.newPath()));
      return UpdateServerCertificateResponse.builder().build();
    });
  }

  DeleteServerCertificateResponse delete(DeleteServerCertificateRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      ServerCertificate c = certificates.require(tx, account, r.serverCertificateName());
      tx.delete(SERVER_CERTIFICATES, key(account, c.name()));
      return DeleteServerCertificateResponse.builder().build();
    });
  }

  TagServerCertificateResponse tag(TagServerCertificateRequest r, CallContext ctx) {
    certificates.tag(ctx.caller().accountId(), r.serverCertificateName(), r.tags());
    return TagServerCertificateResponse.builder().build();
  }

  UntagServerCertificateResponse untag(UntagServerCertificateRequest r, CallContext ctx) {
    certificates.untag(ctx.caller().accountId(), r.serverCertificateName(), r.tagKeys());
    return UntagServerCertificateResponse.builder().build();
  }

  ListServerCertificateTagsResponse listTags(ListServerCertificateTagsRequest r, CallContext ctx) {
    Pagination.Page<software.amazon.awssdk.services.iam.model.Tag> page =
        certificates.tags(ctx.caller().accountId(), r.serverCertificateName(), r.marker(), r.maxItems());
    return ListServerCertificateTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  private static X509Certificate single(String pem) {
    List<X509Certificate> certificates = Pem.certificates(pem);
    if (certificates.size() != 1) {
      throw malformed();
    }
    return certificates.get(0);
  }

  /** The key must sign what the certificate's public key verifies. */
  private static void requireMatch(X509Certificate certificate, PrivateKey key) {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(PROBE);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      matches = false;
    }
    if (!matches) {
      throw IamError.KEY_PAIR_MISMATCH.exception(
          "The request was rejected because the public key certificate and the private key do not match.");
    }
  }

  private static void requireFree(ReadTx tx, String account, String name) {
    if (tx.get(SERVER_CERTIFICATES, key(account, name)).isPresent()) {
      throw IamError.ENTITY_ALREADY_EXISTS.exception("The Server Certificate with name %s already exists.", name);
    }
  }

  private static AwsException malformed() {
    return IamError.MALFORMED_CERTIFICATE.exception(
        "Unable to parse certificate. Please ensure the certificate is in PEM format.");
  }

  private static ServerCertificateMetadata metadata(ServerCertificate c) {
    return ServerCertificateMetadata.builder().path(c.path()).serverCertificateName(c.name())
        .serverCertificateId(c.id()).arn(arnOf(c)).uploadDate(c.uploadDate()).expiration(c.expiration()).build();
  }

  /** The ARN an access rule names: the certificate's, path included, or a root-path one when it does not exist. */
  private String arn(String account, String name) {
    return env.store().read(tx -> certificates.find(tx, account, name)).map(ServerCertificateOperations::arnOf)
        .orElse(IamArns.serverCertificate(account, "/", name));
  }

  private static String arnOf(ServerCertificate c) {
    return IamArns.serverCertificate(c.accountId(), c.path(), c.name());
  }

}
