package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.SigningCertificate;
import dev.billinggate.store.ReadTx;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import software.amazon.awssdk.services.iam.model.DeleteSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.DeleteSigningCertificateResponse;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesResponse;
import software.amazon.awssdk.services.iam.model.UpdateSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.UpdateSigningCertificateResponse;
import software.amazon.awssdk.services.iam.model.UploadSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.UploadSigningCertificateResponse;

/**
 * X.509 signing certificates of IAM users and of the root user (UserName omitted by root or an
 * AssumeRoot session): what credential audits list and root-credential cleanup deletes.
 */
final class SigningCertificateOperations {
  static final int CERTIFICATES_PER_USER = 2;
  private static final int ID_LENGTH = 32;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public SigningCertificateOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(UploadSigningCertificateRequest.class,
        (r, c) -> access.userOrSelf("iam:UploadSigningCertificate", c, r.userName()), this::upload);
    table.on(ListSigningCertificatesRequest.class,
        (r, c) -> access.userOrSelf("iam:ListSigningCertificates", c, r.userName()), this::list);
    table.on(UpdateSigningCertificateRequest.class,
        (r, c) -> access.userOrSelf("iam:UpdateSigningCertificate", c, r.userName()), this::update);
    table.on(DeleteSigningCertificateRequest.class,
        (r, c) -> access.userOrSelf("iam:DeleteSigningCertificate", c, r.userName()), this::delete);
  }

  public UploadSigningCertificateResponse upload(UploadSigningCertificateRequest request, CallContext context) {
    String body = request.certificateBody().strip();
    requireX509(body);
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    String id = env.ids().next(IdGenerator.UPPER_ALNUM, ID_LENGTH);
    SigningCertificate certificate = env.store().write(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      if (count(tx, resolved.accountId(), resolved.userKey()) >= CERTIFICATES_PER_USER) {
        throw IamError.LIMIT_EXCEEDED.exception(
            "Cannot exceed quota for SigningCertificatesPerUser: %d", CERTIFICATES_PER_USER);
      }
      boolean duplicate = tx.scan(IamSchema.SIGNING_CERTIFICATES, resolved.accountId() + "/", null, Integer.MAX_VALUE)
          .stream().anyMatch(e -> e.value().body().equals(body));
      if (duplicate) {
        throw IamError.DUPLICATE_CERTIFICATE.exception(
            "The request was rejected because the same certificate is associated with an IAM user in the account.");
      }
      SigningCertificate created = new SigningCertificate(resolved.accountId(), resolved.userName(), id, body,
          "Active", context.now());
      tx.put(IamSchema.SIGNING_CERTIFICATES, resolved.keyOf(id), created);
      return created;
    });
    return UploadSigningCertificateResponse.builder().certificate(toSdk(certificate)).build();
  }

  public ListSigningCertificatesResponse list(ListSigningCertificatesRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    List<SigningCertificate> certificates = env.store().read(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      return of(tx, resolved.accountId(), resolved.userKey());
    });
    Pagination.Page<SigningCertificate> page = Pagination.page(certificates, SigningCertificate::certificateId,
        request.marker(), request.maxItems());
    return ListSigningCertificatesResponse.builder()
        .certificates(page.items().stream().map(SigningCertificateOperations::toSdk).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  public UpdateSigningCertificateResponse update(UpdateSigningCertificateRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    env.store().update(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      SigningCertificate certificate = find(tx, resolved, request.certificateId());
      tx.put(IamSchema.SIGNING_CERTIFICATES, resolved.keyOf(certificate.certificateId()),
          certificate.withStatus(request.statusAsString()));
    });
    return UpdateSigningCertificateResponse.builder().build();
  }

  public DeleteSigningCertificateResponse delete(DeleteSigningCertificateRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    env.store().update(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      SigningCertificate certificate = find(tx, resolved, request.certificateId());
      tx.delete(IamSchema.SIGNING_CERTIFICATES, resolved.keyOf(certificate.certificateId()));
    });
    return DeleteSigningCertificateResponse.builder().build();
  }

  /** A user's certificates ({@link IamSchema#ROOT_USER} for root's), in id order. */
  static List<SigningCertificate> of(ReadTx tx, String account, String userKey) {
    return tx.scan(IamSchema.SIGNING_CERTIFICATES, prefix(account, userKey), null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  static int count(ReadTx tx, String account, String userKey) {
    return tx.count(IamSchema.SIGNING_CERTIFICATES, prefix(account, userKey));
  }

  private static SigningCertificate find(ReadTx tx, CredentialOwner owner, String certificateId) {
    return tx.get(IamSchema.SIGNING_CERTIFICATES, owner.keyOf(certificateId)).orElseThrow(() ->
        IamError.NO_SUCH_ENTITY.exception("The Certificate with id %s cannot be found.", certificateId));
  }

  /** AWS accepts PEM-encoded X.509 certificates only. */
  private static void requireX509(String body) {
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | RuntimeException e) {
      throw IamError.MALFORMED_CERTIFICATE.exception(
          "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    }
  }

  private static software.amazon.awssdk.services.iam.model.SigningCertificate toSdk(SigningCertificate c) {
    return software.amazon.awssdk.services.iam.model.SigningCertificate.builder().userName(c.userName())
        .certificateId(c.certificateId()).certificateBody(c.body()).status(c.status()).uploadDate(c.uploadDate())
        .build();
  }
}
