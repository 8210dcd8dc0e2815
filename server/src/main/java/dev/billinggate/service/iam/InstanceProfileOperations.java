package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.INSTANCE_PROFILES;
import static dev.billinggate.service.iam.IamSchema.ROLE_PROFILES;
import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.Partition;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.InstanceProfile;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.RoleInProfile;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;

/**
 * Instance profiles: containers passing one role to EC2 instances. A role in a profile cannot be
 * deleted ({@link #inAnyProfile}); the profiles appear under their role in GetAccountAuthorizationDetails.
 */
final class InstanceProfileOperations {
  static final int PROFILES_PER_ACCOUNT = 1000;
  static final int ROLES_PER_PROFILE = 1;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamRules rules;
  private final TaggedResources<InstanceProfile> profiles;
  private final IamRules.TagLookup tagsOf;

  public InstanceProfileOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.rules = new IamRules(env.store());
    this.profiles = new TaggedResources<>(env.store(), INSTANCE_PROFILES,
        (tx, account, name) -> tx.get(INSTANCE_PROFILES, key(account, name)),
        p -> key(p.accountId(), p.name()), InstanceProfileOperations::notFound);
    this.tagsOf = profiles.tagLookup(IamArns::name);
  }

  public void register(OperationTable t) {
    t.on(CreateInstanceProfileRequest.class, IamRules.withRequestTags(rules.on("iam:CreateInstanceProfile",
        (r, a) -> IamArns.instanceProfile(a, IamArns.path(r.path()), r.instanceProfileName())), r -> r.tags()),
        this::create);
    t.on(GetInstanceProfileRequest.class,
        rules.on("iam:GetInstanceProfile", (r, a) -> arn(a, r.instanceProfileName()), tagsOf), this::get);
    t.on(ListInstanceProfilesRequest.class, rules.on("iam:ListInstanceProfiles",
        (r, a) -> IamArns.instanceProfile(a, IamArns.path(r.pathPrefix()), "")), this::list);
    t.on(ListInstanceProfilesForRoleRequest.class, rules.on("iam:ListInstanceProfilesForRole",
        (r, a) -> env.store().read(tx -> IamLookups.roleResource(tx, a, r.roleName()))), this::listForRole);
    t.on(DeleteInstanceProfileRequest.class,
        rules.on("iam:DeleteInstanceProfile", (r, a) -> arn(a, r.instanceProfileName()), tagsOf), this::delete);
    AccessRule<AddRoleToInstanceProfileRequest> addRole =
        rules.on("iam:AddRoleToInstanceProfile", (r, a) -> arn(a, r.instanceProfileName()), tagsOf);
    t.on(AddRoleToInstanceProfileRequest.class,
        (r, c) -> addRole.target(r, c).requiring(passRole(c, r.roleName())), this::addRole);
    t.on(RemoveRoleFromInstanceProfileRequest.class,
        rules.on("iam:RemoveRoleFromInstanceProfile", (r, a) -> arn(a, r.instanceProfileName()), tagsOf),
        this::removeRole);
    t.on(TagInstanceProfileRequest.class, IamRules.withRequestTags(rules.on("iam:TagInstanceProfile",
        (r, a) -> arn(a, r.instanceProfileName()), tagsOf), r -> r.tags()), this::tag);
    t.on(UntagInstanceProfileRequest.class, IamRules.withTagKeys(rules.on("iam:UntagInstanceProfile",
        (r, a) -> arn(a, r.instanceProfileName()), tagsOf), r -> r.tagKeys()), this::untag);
    t.on(ListInstanceProfileTagsRequest.class,
        rules.on("iam:ListInstanceProfileTags", (r, a) -> arn(a, r.instanceProfileName()), tagsOf),
        this::listTags);
  }

  CreateInstanceProfileResponse create(CreateInstanceProfileRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    InstanceProfile profile = new InstanceProfile(account, r.instanceProfileName(), env.ids().instanceProfileId(),
        IamArns.path(r.path()), ctx.now(), List.of(), Tags.initial(r.tags()));
    return env.store().write(tx -> {
      if (tx.get(INSTANCE_PROFILES, key(account, profile.name())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Instance Profile %s already exists.", profile.name());
      }
      if (tx.count(INSTANCE_PROFILES, account + "/") >= PROFILES_PER_ACCOUNT) {
        throw IamError.LIMIT_EXCEEDED.exception(
            "Cannot exceed quota for InstanceProfilesPerAccount: %d", PROFILES_PER_ACCOUNT);
      }
      tx.put(INSTANCE_PROFILES, key(account, profile.name()), profile);
      return CreateInstanceProfileResponse.builder().instanceProfile(toSdk(tx, profile, true)).build();
    });
  }

  GetInstanceProfileResponse get(GetInstanceProfileRequest r, CallContext ctx) {
    return env.store().read(tx -> GetInstanceProfileResponse.builder()
        .instanceProfile(toSdk(tx, profiles.require(tx, ctx.caller().accountId(), r.instanceProfileName()), true)).build());
  }

  ListInstanceProfilesResponse list(ListInstanceProfilesRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().read(tx -> {
      List<InstanceProfile> all = tx.scan(INSTANCE_PROFILES, account + "/", null, Integer.MAX_VALUE).stream()
          .map(ReadTx.Entry::value).filter(p -> r.pathPrefix() == null || p.path().startsWith(r.pathPrefix()))
          .toList();
      Pagination.Page<InstanceProfile> page = Pagination.page(all, InstanceProfileOperations::sortKey,
          r.marker(), r.maxItems());
      return ListInstanceProfilesResponse.builder()
          .instanceProfiles(page.items().stream().map(p -> toSdk(tx, p, false)).toList())
          .isTruncated(page.truncated()).marker(page.marker()).build();
    });
  }

  ListInstanceProfilesForRoleResponse listForRole(ListInstanceProfilesForRoleRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().read(tx -> {
      Role role = lookups.role(tx, account, r.roleName());
      Pagination.Page<InstanceProfile> page = Pagination.page(profilesOf(tx, account, role.name()),
          InstanceProfileOperations::sortKey, r.marker(), r.maxItems());
      return ListInstanceProfilesForRoleResponse.builder()
          .instanceProfiles(page.items().stream().map(p -> toSdk(tx, p, false)).toList())
          .isTruncated(page.truncated()).marker(page.marker()).build();
    });
  }

  DeleteInstanceProfileResponse delete(DeleteInstanceProfileRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      InstanceProfile profile = profiles.require(tx, account, r.instanceProfileName());
      if (!profile.roleNames().isEmpty()) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must remove roles from instance profile first.");
      }
      tx.delete(INSTANCE_PROFILES, key(account, profile.name()));
      return DeleteInstanceProfileResponse.builder().build();
    });
  }

  /**
   * AWS requires the caller to be allowed {@code iam:PassRole} on the role as well: the profile passes
   * it to EC2. AWS documents the associated resource an AddRoleToInstanceProfile presents as
   * {@code arn:aws:ec2:*:<account>:instance/*} (no region, no instance id).
   */
  private AccessTarget passRole(CallContext ctx, String roleName) {
    String account = ctx.caller().accountId();
    return AccessTarget.of("iam:PassRole", env.store().read(tx -> IamLookups.roleResource(tx, account, roleName)))
        .withContext(Map.of("iam:PassedToService", List.of("ec2.amazonaws.com"),
            "iam:AssociatedResourceArn", List.of(Partition.arnPrefix() + "ec2:*:" + account + ":instance/*")));
  }

  AddRoleToInstanceProfileResponse addRole(AddRoleToInstanceProfileRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      InstanceProfile profile = profiles.require(tx, account, r.instanceProfileName());
      Role role = lookups.role(tx, account, r.roleName());
      if (profile.roleNames().stream().anyMatch(role.name()::equalsIgnoreCase)
          || profile.roleNames().size() >= ROLES_PER_PROFILE) {
        throw IamError.LIMIT_EXCEEDED.exception(
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: %d", ROLES_PER_PROFILE);
      }
      tx.put(INSTANCE_PROFILES, key(account, profile.name()), profile.withRoles(List.of(role.name())));
      tx.put(ROLE_PROFILES, key(account, role.name(), profile.name()), new RoleInProfile(role.name(), profile.name()));
      return AddRoleToInstanceProfileResponse.builder().build();
    });
  }

  RemoveRoleFromInstanceProfileResponse removeRole(RemoveRoleFromInstanceProfileRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      InstanceProfile profile = profiles.require(tx, account, r.instanceProfileName());
      Role role = lookups.role(tx, account, r.roleName());
      if (profile.roleNames().stream().noneMatch(role.name()::equalsIgnoreCase)) {
        throw IamError.NO_SUCH_ENTITY.exception(
            "Role %s in Instance Profile %s cannot be found.", r.roleName(), profile.name());
      }
      removeRole(tx, profile, role.name());
      return RemoveRoleFromInstanceProfileResponse.builder().build();
    });
  }

  TagInstanceProfileResponse tag(TagInstanceProfileRequest r, CallContext ctx) {
    profiles.tag(ctx.caller().accountId(), r.instanceProfileName(), r.tags());
    return TagInstanceProfileResponse.builder().build();
  }

  UntagInstanceProfileResponse untag(UntagInstanceProfileRequest r, CallContext ctx) {
    profiles.untag(ctx.caller().accountId(), r.instanceProfileName(), r.tagKeys());
    return UntagInstanceProfileResponse.builder().build();
  }

  ListInstanceProfileTagsResponse listTags(ListInstanceProfileTagsRequest r, CallContext ctx) {
    Pagination.Page<software.amazon.awssdk.services.iam.model.Tag> page =
        profiles.tags(ctx.caller().accountId(), r.instanceProfileName(), r.marker(), r.maxItems());
    return ListInstanceProfileTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  /** Whether {@code roleName} is in an instance profile (DeleteRole refuses then). */
  static boolean inAnyProfile(ReadTx tx, String account, String roleName) {
    return tx.count(ROLE_PROFILES, prefix(account, roleName)) > 0;
  }

  /** The profiles holding {@code roleName}, by name. */
  static List<InstanceProfile> profilesOf(ReadTx tx, String account, String roleName) {
    return tx.scan(ROLE_PROFILES, prefix(account, roleName), null, Integer.MAX_VALUE).stream()
        .map(e -> tx.get(INSTANCE_PROFILES, key(account, e.value().profileName())).orElseThrow()).toList();
  }

  /** Takes {@code roleName} out of every profile holding it (a service-linked role's deletion). */
  static void removeFromAll(WriteTx tx, String account, String roleName) {
    profilesOf(tx, account, roleName).forEach(p -> removeRole(tx, p, roleName));
  }

  /**
   * An instance profile as AWS shows it: its roles without descriptions, session durations or tags;
   * listings leave out the profile's tags too.
   */
  static software.amazon.awssdk.services.iam.model.InstanceProfile toSdk(ReadTx tx, InstanceProfile p,
      boolean withTags) {
    List<software.amazon.awssdk.services.iam.model.Role> roles = p.roleNames().stream()
        .map(name -> tx.get(IamSchema.ROLES, key(p.accountId(), name)).orElseThrow())
        .map(role -> software.amazon.awssdk.services.iam.model.Role.builder().path(role.path())
            .roleName(role.name()).roleId(role.id()).arn(IamArns.role(role.accountId(), role.path(), role.name()))
            .createDate(role.createDate()).assumeRolePolicyDocument(PolicyDocuments.urlEncode(role.trustPolicy()))
            .build())
        .toList();
    var builder = software.amazon.awssdk.services.iam.model.InstanceProfile.builder().path(p.path())
        .instanceProfileName(p.name()).instanceProfileId(p.id()).arn(arnOf(p)).createDate(p.createDate())
        .roles(roles);
    return !withTags || p.tags().isEmpty() ? builder.build() : builder.tags(Tags.toSdk(p.tags())).build();
  }

  private static void removeRole(WriteTx tx, InstanceProfile profile, String roleName) {
    String account = profile.accountId();
    tx.put(INSTANCE_PROFILES, key(account, profile.name()), profile.withRoles(
        profile.roleNames().stream().filter(n -> !n.equalsIgnoreCase(roleName)).toList()));
    tx.delete(ROLE_PROFILES, key(account, roleName, profile.name()));
  }

  /** The ARN an access rule names: the profile's, path included, or a root-path one when it does not exist. */
  private String arn(String account, String name) {
    return env.store().read(tx -> profiles.find(tx, account, name)).map(InstanceProfileOperations::arnOf)
        .orElse(IamArns.instanceProfile(account, "/", name));
  }

  private static String arnOf(InstanceProfile p) {
    return IamArns.instanceProfile(p.accountId(), p.path(), p.name());
  }

  private static AwsException notFound(String name) {
    return IamError.NO_SUCH_ENTITY.exception("Instance Profile %s cannot be found.", name);
  }

  private static String sortKey(InstanceProfile p) {
    return p.name().toLowerCase(Locale.ROOT);
  }
}
