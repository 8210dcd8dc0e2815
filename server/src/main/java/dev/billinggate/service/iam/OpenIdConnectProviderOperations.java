package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.OIDC_PROVIDERS;
import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.core.AwsException;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.OidcProvider;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintRequest;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintResponse;

/**
 * OpenID Connect identity providers: the issuers whose tokens AssumeRoleWithWebIdentity accepts
 * ({@link #find} is its lookup). A ThumbprintList is optional, as in AWS today; offline there is no
 * certificate chain to take one from, so an omitted list stays empty.
 */
final class OpenIdConnectProviderOperations {
  static final int PROVIDERS_PER_ACCOUNT = 100;
  static final int CLIENT_IDS_PER_PROVIDER = 100;
  static final int MAX_THUMBPRINTS = 5;
  private static final String SCHEME = "https://";

  private final IamEnv env;
  private final IamRules rules;
  private final TaggedResources<OidcProvider> providers;
  private final IamRules.TagLookup tagsOf;

  public OpenIdConnectProviderOperations(IamEnv env) {
    this.env = env;
    this.rules = new IamRules(env.store());
    this.providers = new TaggedResources<>(env.store(), OIDC_PROVIDERS, OpenIdConnectProviderOperations::lookup,
        p -> key(p.accountId(), p.url()), OpenIdConnectProviderOperations::notFound);
    this.tagsOf = providers.tagLookup(arn -> arn);
  }

  public void register(OperationTable t) {
    t.on(CreateOpenIdConnectProviderRequest.class, IamRules.withRequestTags(rules.on("iam:CreateOpenIDConnectProvider",
        (r, account) -> IamArns.oidcProvider(account, issuer(r.url()))), r -> r.tags()), this::create);
    t.on(GetOpenIdConnectProviderRequest.class,
        rules.on("iam:GetOpenIDConnectProvider", (r, a) -> r.openIDConnectProviderArn(), tagsOf), this::get);
    t.on(ListOpenIdConnectProvidersRequest.class, rules.on("iam:ListOpenIDConnectProviders", (r, a) -> "*"),
        this::list);
    t.on(DeleteOpenIdConnectProviderRequest.class,
        rules.on("iam:DeleteOpenIDConnectProvider", (r, a) -> r.openIDConnectProviderArn(), tagsOf),
        this::delete);
    t.on(AddClientIdToOpenIdConnectProviderRequest.class,
        rules.on("iam:AddClientIDToOpenIDConnectProvider", (r, a) -> r.openIDConnectProviderArn(), tagsOf),
        this::addClientId);
    t.on(RemoveClientIdFromOpenIdConnectProviderRequest.class,
        rules.on("iam:RemoveClientIDFromOpenIDConnectProvider", (r, a) -> r.openIDConnectProviderArn(), tagsOf),
        this::removeClientId);
    t.on(UpdateOpenIdConnectProviderThumbprintRequest.class,
        rules.on("iam:UpdateOpenIDConnectProviderThumbprint", (r, a) -> r.openIDConnectProviderArn(), tagsOf),
        this::updateThumbprint);
    t.on(TagOpenIdConnectProviderRequest.class, IamRules.withRequestTags(rules.on("iam:TagOpenIDConnectProvider",
        (r, a) -> r.openIDConnectProviderArn(), tagsOf), r -> r.tags()), this::tag);
    t.on(UntagOpenIdConnectProviderRequest.class, IamRules.withTagKeys(rules.on("iam:UntagOpenIDConnectProvider",
        (r, a) -> r.openIDConnectProviderArn(), tagsOf), r -> r.tagKeys()), this::untag);
    t.on(ListOpenIdConnectProviderTagsRequest.class,
        rules.on("iam:ListOpenIDConnectProviderTags", (r, a) -> r.openIDConnectProviderArn(), tagsOf),
        this::listTags);
  }

  CreateOpenIdConnectProviderResponse create(CreateOpenIdConnectProviderRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    String url = validIssuer(r.url());
    requireThumbprintCount(r.thumbprintList());
    requireClientIdCount(r.clientIDList().size());
    OidcProvider provider = new OidcProvider(account, url, distinct(List.of(), r.clientIDList()),
        List.copyOf(r.thumbprintList()), ctx.now(), Tags.initial(r.tags()));
    return env.store().write(tx -> {
      if (tx.get(OIDC_PROVIDERS, key(account, url)).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Provider with url %s already exists.", r.url());
      }
      if (tx.count(OIDC_PROVIDERS, account + "/") >= PROVIDERS_PER_ACCOUNT) {
        throw IamError.LIMIT_EXCEEDED.exception(
            "Cannot exceed quota for OpenIdConnectProvidersPerAccount: %d", PROVIDERS_PER_ACCOUNT);
      }
      tx.put(OIDC_PROVIDERS, key(account, url), provider);
      return CreateOpenIdConnectProviderResponse.builder()
          .openIDConnectProviderArn(IamArns.oidcProvider(account, url)).tags(Tags.toSdk(provider.tags())).build();
    });
  }

  GetOpenIdConnectProviderResponse get(GetOpenIdConnectProviderRequest r, CallContext ctx) {
    OidcProvider p = providers.read(ctx.caller().accountId(), r.openIDConnectProviderArn());
    return GetOpenIdConnectProviderResponse.builder().url(p.url()).clientIDList(p.clientIds())
        .thumbprintList(p.thumbprints()).createDate(p.createDate()).tags(Tags.toSdk(p.tags())).build();
  }

  /** AWS lists every provider of the account in one answer: the operation has no Marker. */
  ListOpenIdConnectProvidersResponse list(ListOpenIdConnectProvidersRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    List<OidcProvider> all = env.store().read(tx -> all(tx, account));
    return ListOpenIdConnectProvidersResponse.builder().openIDConnectProviderList(all.stream()
        .map(p -> OpenIDConnectProviderListEntry.builder().arn(IamArns.oidcProvider(account, p.url())).build())
        .toList()).build();
  }

  /** Not idempotent, despite the API reference: AWS's recorded answer to a second delete is NoSuchEntity. */
  DeleteOpenIdConnectProviderResponse delete(DeleteOpenIdConnectProviderRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    String arn = r.openIDConnectProviderArn();
    return env.store().write(tx -> {
      OidcProvider p = lookup(tx, account, arn).orElseThrow(() ->
          IamError.NO_SUCH_ENTITY.exception("OpenId connect Provider %s cannot be found.", arn));
      tx.delete(OIDC_PROVIDERS, key(account, p.url()));
      return DeleteOpenIdConnectProviderResponse.builder().build();
    });
  }

  /** Adding a client ID already listed changes nothing, as in AWS. */
  AddClientIdToOpenIdConnectProviderResponse addClientId(AddClientIdToOpenIdConnectProviderRequest r, CallContext ctx) {
    change(ctx, r.openIDConnectProviderArn(), p -> {
      List<String> ids = distinct(p.clientIds(), List.of(r.clientID()));
      requireClientIdCount(ids.size());
      return p.withClientIds(ids);
    });
    return AddClientIdToOpenIdConnectProviderResponse.builder().build();
  }

  RemoveClientIdFromOpenIdConnectProviderResponse removeClientId(
      RemoveClientIdFromOpenIdConnectProviderRequest r, CallContext ctx) {
    change(ctx, r.openIDConnectProviderArn(),
        p -> p.withClientIds(p.clientIds().stream().filter(id -> !id.equals(r.clientID())).toList()));
    return RemoveClientIdFromOpenIdConnectProviderResponse.builder().build();
  }

  UpdateOpenIdConnectProviderThumbprintResponse updateThumbprint(
      UpdateOpenIdConnectProviderThumbprintRequest r, CallContext ctx) {
    requireThumbprintCount(r.thumbprintList());
    change(ctx, r.openIDConnectProviderArn(), p -> p.withThumbprints(List.copyOf(r.thumbprintList())));
    return UpdateOpenIdConnectProviderThumbprintResponse.builder().build();
  }

  TagOpenIdConnectProviderResponse tag(TagOpenIdConnectProviderRequest r, CallContext ctx) {
    providers.tag(ctx.caller().accountId(), r.openIDConnectProviderArn(), r.tags());
    return TagOpenIdConnectProviderResponse.builder().build();
  }

  UntagOpenIdConnectProviderResponse untag(UntagOpenIdConnectProviderRequest r, CallContext ctx) {
    providers.untag(ctx.caller().accountId(), r.openIDConnectProviderArn(), r.tagKeys());
    return UntagOpenIdConnectProviderResponse.builder().build();
  }

  ListOpenIdConnectProviderTagsResponse listTags(ListOpenIdConnectProviderTagsRequest r, CallContext ctx) {
    Pagination.Page<software.amazon.awssdk.services.iam.model.Tag> page =
        providers.tags(ctx.caller().accountId(), r.openIDConnectProviderArn(), r.marker(), r.maxItems());
    return ListOpenIdConnectProviderTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  /**
   * The provider of {@code accountId} registered for the token issuer {@code issuerUrl} (an {@code iss}
   * claim, with its {@code https://}), for web-identity federation.
   */
  static Optional<OidcProvider> find(ReadTx tx, String accountId, String issuerUrl) {
    if (issuerUrl == null || !issuerUrl.startsWith(SCHEME)) {
      return Optional.empty();
    }
    return tx.get(OIDC_PROVIDERS, key(accountId, issuer(issuerUrl)));
  }

  /** Every provider of the account, by URL. */
  static List<OidcProvider> all(ReadTx tx, String accountId) {
    return tx.scan(OIDC_PROVIDERS, accountId + "/", null, Integer.MAX_VALUE).stream().map(ReadTx.Entry::value)
        .toList();
  }

  private void change(CallContext ctx, String arn, UnaryOperator<OidcProvider> update) {
    providers.change(ctx.caller().accountId(), arn, update);
  }

  private static Optional<OidcProvider> lookup(ReadTx tx, String account, String arn) {
    String prefix = IamArns.oidcProvider(account, "");
    if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) {
      return Optional.empty();
    }
    return tx.get(OIDC_PROVIDERS, key(account, arn.substring(prefix.length())));
  }

  private static AwsException notFound(String arn) {
    return IamError.NO_SUCH_ENTITY.exception("OpenIDConnect Provider not found for arn %s", arn);
  }

  /** The URL must be https with a host; the stored issuer drops the scheme (and a trailing slash). */
  private static String validIssuer(String url) {
    String issuer = issuer(url);
    if (!url.startsWith(SCHEME) || issuer.isEmpty() || issuer.startsWith("/") || issuer.contains("?")
        || issuer.contains("#")) {
      throw IamError.VALIDATION_ERROR.exception("Invalid Open ID Connect Provider URL");
    }
    return issuer;
  }

  private static String issuer(String url) {
    String issuer = url == null ? "" : url.startsWith(SCHEME) ? url.substring(SCHEME.length()) : url;
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  private static void requireThumbprintCount(List<String> thumbprints) {
    if (thumbprints.size() > MAX_THUMBPRINTS) {
      throw IamError.INVALID_INPUT.exception("Thumbprint list must contain fewer than 5 entries.");
    }
  }

  private static void requireClientIdCount(int count) {
    if (count > CLIENT_IDS_PER_PROVIDER) {
      throw IamError.LIMIT_EXCEEDED.exception(
          "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: %d", CLIENT_IDS_PER_PROVIDER);
    }
  }

  private static List<String> distinct(List<String> existing, List<String> added) {
    List<String> out = new ArrayList<>(existing);
    added.stream().filter(id -> !out.contains(id)).forEach(out::add);
    return List.copyOf(out);
  }
}
