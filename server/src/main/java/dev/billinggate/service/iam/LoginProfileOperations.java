package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.auth.CallerType;
import dev.billinggate.core.CommonError;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.LoginProfile;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ChangePasswordRequest;
import software.amazon.awssdk.services.iam.model.ChangePasswordResponse;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileResponse;

/**
 * Console passwords: IAM users' login profiles, and the root user's password (and its recovery)
 * when the caller is root or an AssumeRoot session and omits UserName, as the root-task policies use them.
 */
final class LoginProfileOperations {
  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;
  private final Passwords passwords;

  public LoginProfileOperations(IamEnv env, IamLookups lookups, Passwords passwords) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
    this.passwords = passwords;
  }

  public void register(OperationTable table) {
    table.on(CreateLoginProfileRequest.class,
        (r, c) -> access.userOrSelf("iam:CreateLoginProfile", c, r.userName()), this::createLoginProfile);
    table.on(GetLoginProfileRequest.class,
        (r, c) -> access.userOrSelf("iam:GetLoginProfile", c, r.userName()), this::getLoginProfile);
    table.on(UpdateLoginProfileRequest.class,
        (r, c) -> access.user("iam:UpdateLoginProfile", c, r.userName()), this::updateLoginProfile);
    table.on(DeleteLoginProfileRequest.class,
        (r, c) -> access.userOrSelf("iam:DeleteLoginProfile", c, r.userName()), this::deleteLoginProfile);
    table.on(ChangePasswordRequest.class,
        (r, c) -> dev.billinggate.service.AccessTarget.of("iam:ChangePassword", c.caller().arn()),
        this::changePassword);
  }

  public CreateLoginProfileResponse createLoginProfile(CreateLoginProfileRequest request, CallContext context) {
    String account = context.caller().accountId();
    boolean reset = Boolean.TRUE.equals(request.passwordResetRequired());
    boolean rootSession = context.caller().type() == CallerType.ASSUMED_ROOT;
    boolean targetsRoot = IamLookups.targetsRoot(request.userName(), context);
    // "This parameter must be omitted when you make the request with an AssumeRoot session. It is
    // required in all other cases." (AWS's texts for these refusals are not published.)
    if (rootSession && request.password() != null) {
      throw IamError.VALIDATION_ERROR.exception("Password must be omitted when calling with an AssumeRoot session.");
    }
    if (!(rootSession && targetsRoot) && request.password() == null) {
      throw IamError.VALIDATION_ERROR.exception("Password is required when not using an AssumeRoot session.");
    }
    if (targetsRoot) {
      createRootLoginProfile(request.password(), rootSession, context);
      return CreateLoginProfileResponse.builder().loginProfile(p -> p.createDate(context.now())
          .passwordResetRequired(false)).build();
    }
    String userName = IamLookups.targetUser(request.userName(), context);
    LoginProfile profile = env.store().write(tx -> {
      User user = lookups.user(tx, account, userName);
      if (tx.get(IamSchema.LOGIN_PROFILES, key(account, user.name())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Login Profile for user %s already exists.", user.name());
      }
      PasswordRules.check(passwordPolicy(tx, account), request.password());
      LoginProfile created = new LoginProfile(user.name(), passwords.hash(request.password()), context.now(), reset);
      tx.put(IamSchema.LOGIN_PROFILES, key(account, user.name()), created);
      return created;
    });
    return CreateLoginProfileResponse.builder().loginProfile(toSdk(profile)).build();
  }

  /**
   * In an AssumeRoot session (IAMCreateRootUserPassword) no password may be given: the call allows
   * the root user to recover one by email, which is how AWS re-enables root sign-in. Root's own
   * long-term credentials set the password directly.
   */
  private void createRootLoginProfile(String password, boolean rootSession, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Account root = lookups.account(tx, account);
      if (root.rootPasswordHash() != null) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Login Profile for the root user already exists.");
      }
      if (rootSession) {
        tx.put(IamSchema.ACCOUNTS, account, root.withRootPassword(null, true));
      } else {
        PasswordRules.check(passwordPolicy(tx, account), password);
        tx.put(IamSchema.ACCOUNTS, account,
            root.withRootPassword(passwords.hash(password), root.passwordRecoveryEnabled()));
      }
    });
  }

  public GetLoginProfileResponse getLoginProfile(GetLoginProfileRequest request, CallContext context) {
    String account = context.caller().accountId();
    if (IamLookups.targetsRoot(request.userName(), context)) {
      Account root = env.store().read(tx -> lookups.account(tx, account));
      if (root.rootPasswordHash() == null) {
        throw IamError.NO_SUCH_ENTITY.exception("Login Profile for User %s cannot be found.", account);
      }
      return GetLoginProfileResponse.builder().loginProfile(p -> p.createDate(root.createdAt())
          .passwordResetRequired(false)).build();
    }
    String userName = IamLookups.targetUser(request.userName(), context);
    LoginProfile profile = env.store().read(tx -> require(tx, account, userName));
    return GetLoginProfileResponse.builder().loginProfile(toSdk(profile)).build();
  }

  public UpdateLoginProfileResponse updateLoginProfile(UpdateLoginProfileRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      LoginProfile profile = require(tx, account, request.userName());
      String hash = profile.passwordHash();
      if (request.password() != null) {
        PasswordRules.check(passwordPolicy(tx, account), request.password());
        hash = passwords.hash(request.password());
      }
      boolean reset = request.passwordResetRequired() == null
          ? profile.passwordResetRequired() : request.passwordResetRequired();
      tx.put(IamSchema.LOGIN_PROFILES, key(account, profile.userName()),
          new LoginProfile(profile.userName(), hash, profile.createDate(), reset));
    });
    return UpdateLoginProfileResponse.builder().build();
  }

  public DeleteLoginProfileResponse deleteLoginProfile(DeleteLoginProfileRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      if (IamLookups.targetsRoot(request.userName(), context)) {
        Account root = lookups.account(tx, account);
        if (root.rootPasswordHash() == null) {
          throw IamError.NO_SUCH_ENTITY.exception("Login Profile for User %s cannot be found.", account);
        }
        // Deleting through AssumeRoot (IAMDeleteRootUserCredentials) removes the root credentials
        // altogether: recovery stays off until IAMCreateRootUserPassword allows it again.
        boolean recovery = root.passwordRecoveryEnabled() && context.caller().type() != CallerType.ASSUMED_ROOT;
        tx.put(IamSchema.ACCOUNTS, account, root.withRootPassword(null, recovery));
        return;
      }
      LoginProfile profile = require(tx, account, IamLookups.targetUser(request.userName(), context));
      tx.delete(IamSchema.LOGIN_PROFILES, key(account, profile.userName()));
    });
    return DeleteLoginProfileResponse.builder().build();
  }

  /** An IAM user changing their own password: only IAM users have one to change this way. */
  public ChangePasswordResponse changePassword(ChangePasswordRequest request, CallContext context) {
    if (context.caller().type() != CallerType.IAM_USER) {
      throw IamError.INVALID_USER_TYPE.exception("Only IAM users can change their own password.");
    }
    String account = context.caller().accountId();
    String userName = context.caller().principalName();
    env.store().update(tx -> {
      LoginProfile profile = require(tx, account, userName);
      if (!passwords.verify(request.oldPassword(), profile.passwordHash())) {
        throw CommonError.ACCESS_DENIED.exception("The old password is incorrect.");
      }
      PasswordRules.check(passwordPolicy(tx, account), request.newPassword());
      tx.put(IamSchema.LOGIN_PROFILES, key(account, profile.userName()),
          new LoginProfile(profile.userName(), passwords.hash(request.newPassword()), profile.createDate(), false));
    });
    return ChangePasswordResponse.builder().build();
  }

  /** Checks an IAM user's console password, e.g. for console sign-in. */
  public boolean verifyUserPassword(String accountId, String userName, String password) {
    Optional<LoginProfile> profile = env.store().read(tx -> tx.get(IamSchema.LOGIN_PROFILES, key(accountId, userName)));
    return profile.map(p -> passwords.verify(password, p.passwordHash())).orElse(false);
  }

  /** Records a console sign-in with the user's password (GetUser's PasswordLastUsed). */
  public void recordPasswordUse(String accountId, String userName, java.time.Instant when) {
    env.store().update(tx -> {
      tx.get(IamSchema.USERS, key(accountId, userName)).ifPresent(u -> tx.put(IamSchema.USERS, key(accountId, userName),
          new User(u.accountId(), u.name(), u.id(), u.path(), u.createDate(), when, u.boundaryArn(), u.tags())));
    });
  }

  private LoginProfile require(ReadTx tx, String account, String userName) {
    User user = lookups.user(tx, account, userName);
    return tx.get(IamSchema.LOGIN_PROFILES, key(account, user.name())).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("Login Profile for User %s cannot be found.", user.name()));
  }

  static IamSchema.PasswordPolicy passwordPolicy(ReadTx tx, String account) {
    return tx.get(IamSchema.PASSWORD_POLICIES, account).orElse(null);
  }

  private static software.amazon.awssdk.services.iam.model.LoginProfile toSdk(LoginProfile profile) {
    return software.amazon.awssdk.services.iam.model.LoginProfile.builder().userName(profile.userName())
        .createDate(profile.createDate()).passwordResetRequired(profile.passwordResetRequired()).build();
  }
}
