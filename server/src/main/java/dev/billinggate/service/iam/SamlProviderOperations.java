package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.SAML_PROVIDERS;
import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.AwsException;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.SamlKey;
import dev.billinggate.service.iam.IamSchema.SamlProvider;
import dev.billinggate.store.ReadTx;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AssertionEncryptionModeType;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersResponse;
import software.amazon.awssdk.services.iam.model.SAMLPrivateKey;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.TagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.TagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderResponse;

/**
 * SAML 2.0 identity providers: the metadata (and so the signing certificates) AssumeRoleWithSAML
 * verifies assertions against ({@link #find} is its lookup), plus the private keys for encrypted
 * assertions. Metadata without a {@code validUntil} is valid for 100 years, as AWS shows it.
 */
final class SamlProviderOperations {
  static final int PROVIDERS_PER_ACCOUNT = 100;
  static final int PRIVATE_KEYS_PER_PROVIDER = 2;
  private static final int KEY_ID_LENGTH = 22;

  private final IamEnv env;
  private final IamRules rules;
  private final TaggedResources<SamlProvider> providers;
  private final IamRules.TagLookup tagsOf;

  public SamlProviderOperations(IamEnv env) {
    this.env = env;
    this.rules = new IamRules(env.store());
    this.providers = new TaggedResources<>(env.store(), SAML_PROVIDERS, SamlProviderOperations::lookup,
        p -> key(p.accountId(), p.name()), SamlProviderOperations::notFound);
    this.tagsOf = providers.tagLookup(arn -> arn);
  }

  public void register(OperationTable t) {
    t.on(CreateSamlProviderRequest.class, IamRules.withRequestTags(rules.on("iam:CreateSAMLProvider",
        (r, a) -> IamArns.samlProvider(a, r.name())), r -> r.tags()), this::create);
    t.on(GetSamlProviderRequest.class,
        rules.on("iam:GetSAMLProvider", (r, a) -> r.samlProviderArn(), tagsOf), this::get);
    t.on(ListSamlProvidersRequest.class, rules.on("iam:ListSAMLProviders", (r, a) -> "*"), this::list);
    t.on(UpdateSamlProviderRequest.class,
        rules.on("iam:UpdateSAMLProvider", (r, a) -> r.samlProviderArn(), tagsOf), this::update);
    t.on(DeleteSamlProviderRequest.class,
        rules.on("iam:DeleteSAMLProvider", (r, a) -> r.samlProviderArn(), tagsOf), this::delete);
    t.on(TagSamlProviderRequest.class, IamRules.withRequestTags(rules.on("iam:TagSAMLProvider",
        (r, a) -> r.samlProviderArn(), tagsOf), r -> r.tags()), this::tag);
    t.on(UntagSamlProviderRequest.class, IamRules.withTagKeys(rules.on("iam:UntagSAMLProvider",
        (r, a) -> r.samlProviderArn(), tagsOf), r -> r.tagKeys()), this::untag);
    t.on(ListSamlProviderTagsRequest.class,
        rules.on("iam:ListSAMLProviderTags", (r, a) -> r.samlProviderArn(), tagsOf), this::listTags);
  }

  CreateSamlProviderResponse create(CreateSamlProviderRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    SamlMetadata metadata = SamlMetadata.parse(r.samlMetadataDocument());
    List<SamlKey> keys = r.addPrivateKey() == null ? List.of() : List.of(newKey(r.addPrivateKey(), ctx.now()));
    String mode = encryptionMode(r.assertionEncryptionModeAsString(), null, keys);
    SamlProvider provider = new SamlProvider(account, r.name(), env.ids().uuid(), r.samlMetadataDocument(),
        ctx.now(), validUntil(metadata, ctx.now()), mode, keys, Tags.initial(r.tags()));
    return env.store().write(tx -> {
      if (tx.get(SAML_PROVIDERS, key(account, r.name())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("SAMLProvider %s already exists.", r.name());
      }
      if (tx.count(SAML_PROVIDERS, account + "/") >= PROVIDERS_PER_ACCOUNT) {
        throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for SamlProvidersPerAccount: %d",
            PROVIDERS_PER_ACCOUNT);
      }
      tx.put(SAML_PROVIDERS, key(account, r.name()), provider);
      return CreateSamlProviderResponse.builder().samlProviderArn(arnOf(provider))
          .tags(Tags.toSdk(provider.tags())).build();
    });
  }

  GetSamlProviderResponse get(GetSamlProviderRequest r, CallContext ctx) {
    SamlProvider p = providers.read(ctx.caller().accountId(), r.samlProviderArn());
    return GetSamlProviderResponse.builder().samlProviderUUID(p.uuid()).samlMetadataDocument(p.metadata())
        .createDate(p.createDate()).validUntil(p.validUntil()).assertionEncryptionMode(p.assertionEncryptionMode())
        .privateKeyList(p.privateKeys().stream()
            .map(k -> SAMLPrivateKey.builder().keyId(k.keyId()).timestamp(k.added()).build()).toList())
        .tags(Tags.toSdk(p.tags())).build();
  }

  /** AWS lists every provider in one answer: the operation has no Marker. */
  ListSamlProvidersResponse list(ListSamlProvidersRequest r, CallContext ctx) {
    List<SamlProvider> all = env.store().read(tx -> tx.scan(SAML_PROVIDERS, ctx.caller().accountId() + "/", null,
        Integer.MAX_VALUE)).stream().map(ReadTx.Entry::value).toList();
    return ListSamlProvidersResponse.builder().samlProviderList(all.stream()
        .map(p -> SAMLProviderListEntry.builder().arn(arnOf(p)).validUntil(p.validUntil()).createDate(p.createDate())
            .build())
        .toList()).build();
  }

  /** Metadata, encryption mode and keys change independently; each is optional. */
  UpdateSamlProviderResponse update(UpdateSamlProviderRequest r, CallContext ctx) {
    Optional<SamlMetadata> metadata = Optional.ofNullable(r.samlMetadataDocument()).map(SamlMetadata::parse);
    Optional<SamlKey> added = Optional.ofNullable(r.addPrivateKey()).map(pem -> newKey(pem, ctx.now()));
    SamlProvider updated = providers.change(ctx.caller().accountId(), r.samlProviderArn(), p -> {
      SamlProvider next = metadata.map(m -> p.withMetadata(r.samlMetadataDocument(), validUntil(m, ctx.now())))
          .orElse(p);
      List<SamlKey> keys = new ArrayList<>(next.privateKeys());
      if (r.removePrivateKey() != null && !keys.removeIf(k -> k.keyId().equals(r.removePrivateKey()))) {
        throw IamError.INVALID_INPUT.exception("The private key %s does not exist.", r.removePrivateKey());
      }
      added.ifPresent(keys::add);
      if (keys.size() > PRIVATE_KEYS_PER_PROVIDER) {
        throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for PrivateKeysPerSamlProvider: %d",
            PRIVATE_KEYS_PER_PROVIDER);
      }
      return next.withEncryption(
          encryptionMode(r.assertionEncryptionModeAsString(), next.assertionEncryptionMode(), keys), List.copyOf(keys));
    });
    return UpdateSamlProviderResponse.builder().samlProviderArn(arnOf(updated)).build();
  }

  DeleteSamlProviderResponse delete(DeleteSamlProviderRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      SamlProvider p = providers.require(tx, account, r.samlProviderArn());
      tx.delete(SAML_PROVIDERS, key(account, p.name()));
      return DeleteSamlProviderResponse.builder().build();
    });
  }

  TagSamlProviderResponse tag(TagSamlProviderRequest r, CallContext ctx) {
    providers.tag(ctx.caller().accountId(), r.samlProviderArn(), r.tags());
    return TagSamlProviderResponse.builder().build();
  }

  UntagSamlProviderResponse untag(UntagSamlProviderRequest r, CallContext ctx) {
    providers.untag(ctx.caller().accountId(), r.samlProviderArn(), r.tagKeys());
    return UntagSamlProviderResponse.builder().build();
  }

  ListSamlProviderTagsResponse listTags(ListSamlProviderTagsRequest r, CallContext ctx) {
    Pagination.Page<software.amazon.awssdk.services.iam.model.Tag> page =
        providers.tags(ctx.caller().accountId(), r.samlProviderArn(), r.marker(), r.maxItems());
    return ListSamlProviderTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  /** The provider a SAML provider ARN names, for AssumeRoleWithSAML (any account's). */
  static Optional<SamlProvider> find(ReadTx tx, String arn) {
    String account = arn == null ? null : IamArns.account(arn);
    return account == null ? Optional.empty() : lookup(tx, account, arn);
  }

  private SamlKey newKey(String pem, Instant now) {
    if (Pem.privateKey(pem).isEmpty()) {
      throw IamError.INVALID_INPUT.exception("Could not parse the private key.");
    }
    return new SamlKey(env.ids().next(IdGenerator.UPPER_ALNUM, KEY_ID_LENGTH), pem, now);
  }

  /** Encryption can be Required only while the provider has a key to decrypt with. */
  private static String encryptionMode(String requested, String current, List<SamlKey> keys) {
    String mode = requested != null ? requested : current != null ? current : AssertionEncryptionModeType.ALLOWED.toString();
    if (AssertionEncryptionModeType.REQUIRED.toString().equals(mode) && keys.isEmpty()) {
      throw IamError.INVALID_INPUT.exception("A private key is required when assertion encryption is Required.");
    }
    return mode;
  }

  private static Instant validUntil(SamlMetadata metadata, Instant now) {
    return metadata.validUntil().orElseGet(() -> now.atOffset(ZoneOffset.UTC).plusYears(100).toInstant());
  }

  private static String arnOf(SamlProvider p) {
    return IamArns.samlProvider(p.accountId(), p.name());
  }

  private static Optional<SamlProvider> lookup(ReadTx tx, String account, String arn) {
    String prefix = IamArns.samlProvider(account, "");
    if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) {
      return Optional.empty();
    }
    return tx.get(SAML_PROVIDERS, key(account, arn.substring(prefix.length())));
  }

  private static AwsException notFound(String arn) {
    return IamError.NO_SUCH_ENTITY.exception("Manifest not found for arn %s", arn);
  }
}
