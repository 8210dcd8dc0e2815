package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.auth.CallerType;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.MfaDevice;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** Virtual MFA devices with real TOTP checks. Hardware and FIDO devices are not emulated. */
final class MfaOperations {
  /** Steps of clock drift tolerated either side of now. */
  static final int WINDOW = 2;
  /** The name AWS gives the root user's virtual MFA device. */
  public static final String ROOT_DEVICE_NAME = "root-account-mfa-device";

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public MfaOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(CreateVirtualMfaDeviceRequest.class,
        (r, c) -> IamAccess.withRequestTags(AccessTarget.of("iam:CreateVirtualMFADevice",
            IamArns.mfa(c.caller().accountId(), IamArns.path(r.path()), r.virtualMFADeviceName())), r.tags()),
        this::createVirtualMfaDevice);
    table.on(DeleteVirtualMfaDeviceRequest.class,
        (r, c) -> AccessTarget.of("iam:DeleteVirtualMFADevice", deleteResource(r.serialNumber(), c)),
        this::deleteVirtualMfaDevice);
    table.on(ListVirtualMfaDevicesRequest.class, this::listVirtualMfaDevices);
    table.on(EnableMfaDeviceRequest.class, (r, c) -> access.user("iam:EnableMFADevice", c, r.userName()),
        this::enableMfaDevice);
    table.on(ResyncMfaDeviceRequest.class, (r, c) -> access.user("iam:ResyncMFADevice", c, r.userName()),
        this::resyncMfaDevice);
    table.on(DeactivateMfaDeviceRequest.class,
        (r, c) -> access.userOrSelf("iam:DeactivateMFADevice", c, r.userName()), this::deactivateMfaDevice);
    table.on(ListMfaDevicesRequest.class, (r, c) -> access.userOrSelf("iam:ListMFADevices", c, r.userName()),
        this::listMfaDevices);
  }

  public CreateVirtualMfaDeviceResponse createVirtualMfaDevice(CreateVirtualMfaDeviceRequest request, CallContext context) {
    MfaDevice device = create(context.caller().accountId(), IamArns.path(request.path()),
        request.virtualMFADeviceName(), context.now(), null);
    byte[] qrCode = QrCodePng.render(QrCodePng.uri(device.name(), context.caller().accountId(), device.seedBase32()));
    return CreateVirtualMfaDeviceResponse.builder().virtualMFADevice(VirtualMFADevice.builder()
        .serialNumber(device.serialNumber())
        .qrCodePNG(SdkBytes.fromByteArray(qrCode))
        .base32StringSeed(SdkBytes.fromString(device.seedBase32(), StandardCharsets.US_ASCII)).build()).build();
  }

  public DeleteVirtualMfaDeviceResponse deleteVirtualMfaDevice(DeleteVirtualMfaDeviceRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      MfaDevice device = bySerial(tx, account, request.serialNumber());
      if (device.userName() != null) {
        throw IamError.DELETE_CONFLICT.exception("MFA VirtualDevice in use. Must deactivate first.");
      }
      tx.delete(IamSchema.MFA_DEVICES, key(account, device.name()));
    });
    return DeleteVirtualMfaDeviceResponse.builder().build();
  }

  /**
   * An AssumeRoot session deletes the root user's device as the root user: the root-task policy
   * IAMDeleteRootUserCredentials allows DeleteVirtualMFADevice on the root ARN only.
   */
  private static String deleteResource(String serialNumber, CallContext context) {
    String account = context.caller().accountId();
    boolean rootDevice = IamArns.mfa(account, "/", ROOT_DEVICE_NAME).equals(serialNumber);
    return rootDevice && context.caller().type() == CallerType.ASSUMED_ROOT ? IamArns.root(account) : serialNumber;
  }

  /**
   * Creates and enables the root user's virtual MFA device, as the root user does in the console
   * (the API's EnableMFADevice needs a UserName). For tests, the console and the CLI.
   */
  public MfaDevice enableRootVirtualDevice(String accountId) {
    return create(accountId, "/", ROOT_DEVICE_NAME, env.clock().instant(), IamSchema.ROOT_USER);
  }

  /** A new virtual device, enabled for {@code owner} at once unless {@code owner} is {@code null}. */
  private MfaDevice create(String account, String path, String name, Instant now, String owner) {
    // 64 base32 characters = 40 bytes of secret, the seed length AWS hands out.
    String seed = env.ids().next(IdGenerator.UPPER_ALNUM, 64);
    return env.store().write(tx -> {
      if (tx.get(IamSchema.MFA_DEVICES, key(account, name)).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("MFA device already exists.");
      }
      MfaDevice created = new MfaDevice(account, IamArns.mfa(account, path, name), name, path, seed, now, owner,
          owner == null ? null : now);
      tx.put(IamSchema.MFA_DEVICES, key(account, name), created);
      return created;
    });
  }

  public ListVirtualMfaDevicesResponse listVirtualMfaDevices(ListVirtualMfaDevicesRequest request, CallContext context) {
    String account = context.caller().accountId();
    AssignmentStatusType status = request.assignmentStatus() == null ? AssignmentStatusType.ANY : request.assignmentStatus();
    List<VirtualMFADevice> devices = env.store().read(tx -> all(tx, account).stream()
        .filter(d -> status == AssignmentStatusType.ANY
            || (status == AssignmentStatusType.ASSIGNED) == (d.userName() != null))
        .map(d -> VirtualMFADevice.builder().serialNumber(d.serialNumber()).enableDate(d.enableDate())
            .user(assignedUser(tx, account, d.userName())).build())
        .sorted(java.util.Comparator.comparing(VirtualMFADevice::serialNumber))
        .toList());
    Pagination.Page<VirtualMFADevice> page = Pagination.page(devices, VirtualMFADevice::serialNumber,
        request.marker(), request.maxItems());
    return ListVirtualMfaDevicesResponse.builder().virtualMFADevices(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  public EnableMfaDeviceResponse enableMfaDevice(EnableMfaDeviceRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      User user = lookups.user(tx, account, request.userName());
      MfaDevice device = bySerial(tx, account, request.serialNumber());
      if (device.userName() != null) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("MFA Device is already in use.");
      }
      if (!Totp.consecutive(Base32.decode(device.seedBase32()), context.now(), request.authenticationCode1(),
          request.authenticationCode2(), WINDOW)) {
        throw IamError.INVALID_AUTHENTICATION_CODE.exception("Authentication code for device is not valid.");
      }
      tx.put(IamSchema.MFA_DEVICES, key(account, device.name()), device.enabledFor(user.name(), context.now()));
    });
    return EnableMfaDeviceResponse.builder().build();
  }

  /**
   * Checks two consecutive codes from a device enabled for the user. Virtual devices have no drift
   * to store (codes come from the shared secret and the clock), so a valid pair changes nothing.
   */
  public ResyncMfaDeviceResponse resyncMfaDevice(ResyncMfaDeviceRequest request, CallContext context) {
    String account = context.caller().accountId();
    MfaDevice device = env.store().read(tx -> {
      String user = lookups.user(tx, account, request.userName()).name();
      return enabledDevice(tx, account, user, request.serialNumber()).orElseThrow(() -> IamError.NO_SUCH_ENTITY
          .exception("MFA Device with serial number %s does not exist.", request.serialNumber()));
    });
    if (!Totp.consecutive(Base32.decode(device.seedBase32()), context.now(), request.authenticationCode1(),
        request.authenticationCode2(), WINDOW)) {
      throw IamError.INVALID_AUTHENTICATION_CODE.exception("Authentication code for device is not valid.");
    }
    return ResyncMfaDeviceResponse.builder().build();
  }

  public DeactivateMfaDeviceResponse deactivateMfaDevice(DeactivateMfaDeviceRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      String owner = ownerKey(tx, account, request.userName(), context);
      MfaDevice device = bySerial(tx, account, request.serialNumber());
      if (!owner.equals(device.userName())) {
        throw IamError.NO_SUCH_ENTITY.exception("MFA Device with serial number %s does not exist.", request.serialNumber());
      }
      tx.put(IamSchema.MFA_DEVICES, key(account, device.name()), device.enabledFor(null, null));
    });
    return DeactivateMfaDeviceResponse.builder().build();
  }

  public ListMfaDevicesResponse listMfaDevices(ListMfaDevicesRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<MFADevice> devices = env.store().read(tx -> {
      String owner = ownerKey(tx, account, request.userName(), context);
      return all(tx, account).stream().filter(d -> owner.equals(d.userName()))
          .map(d -> MFADevice.builder().userName(IamSchema.ROOT_USER.equals(owner) ? null : owner)
              .serialNumber(d.serialNumber()).enableDate(d.enableDate()).build())
          .sorted(java.util.Comparator.comparing(MFADevice::serialNumber))
          .toList();
    });
    Pagination.Page<MFADevice> page = Pagination.page(devices, MFADevice::serialNumber, request.marker(),
        request.maxItems());
    return ListMfaDevicesResponse.builder().mfaDevices(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  /** The device enabled for a user ({@link IamSchema#ROOT_USER} for root), for GetSessionToken's MFA check. */
  static Optional<MfaDevice> enabledDevice(ReadTx tx, String account, String userKey, String serialNumber) {
    return all(tx, account).stream()
        .filter(d -> userKey.equalsIgnoreCase(String.valueOf(d.userName())) && d.serialNumber().equals(serialNumber))
        .findFirst();
  }

  static boolean hasDevice(ReadTx tx, String account, String userKey) {
    return all(tx, account).stream().anyMatch(d -> userKey.equalsIgnoreCase(String.valueOf(d.userName())));
  }

  private String ownerKey(ReadTx tx, String account, String userName, CallContext context) {
    if (IamLookups.targetsRoot(userName, context)) {
      return IamSchema.ROOT_USER;
    }
    return lookups.user(tx, account, IamLookups.targetUser(userName, context)).name();
  }

  private static software.amazon.awssdk.services.iam.model.User assignedUser(ReadTx tx, String account, String userName) {
    if (userName == null) {
      return null;
    }
    if (IamSchema.ROOT_USER.equals(userName)) {
      return software.amazon.awssdk.services.iam.model.User.builder().userId(account).arn(IamArns.root(account)).build();
    }
    return tx.get(IamSchema.USERS, key(account, userName)).map(u -> UserOperations.toSdk(u, false)).orElse(null);
  }

  private static List<MfaDevice> all(ReadTx tx, String account) {
    return tx.scan(IamSchema.MFA_DEVICES, account + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  private static MfaDevice bySerial(ReadTx tx, String account, String serialNumber) {
    return tx.get(IamSchema.MFA_DEVICES, key(account, IamArns.name(serialNumber)))
        .filter(d -> d.serialNumber().equals(serialNumber))
        .orElseThrow(() -> IamError.NO_SUCH_ENTITY.exception("MFA Device with serial number %s does not exist.",
            serialNumber));
  }
}
