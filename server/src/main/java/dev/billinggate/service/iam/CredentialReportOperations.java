package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.CredentialReport;
import dev.billinggate.service.iam.IamSchema.LoginProfile;
import dev.billinggate.service.iam.IamSchema.SigningCertificate;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The credential report: one CSV row per user, the root user first as {@code <root_account>}, in
 * AWS's columns. Generation completes at once; the report is a snapshot and expires after four
 * hours, as in AWS.
 */
final class CredentialReportOperations {
  static final Duration VALIDITY = Duration.ofHours(4);
  private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
      + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
      + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
      + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
      + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  private final IamEnv env;
  private final IamLookups lookups;

  public CredentialReportOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
  }

  public void register(OperationTable table) {
    table.on(GenerateCredentialReportRequest.class, this::generateCredentialReport);
    table.on(GetCredentialReportRequest.class, this::getCredentialReport);
  }

  /**
   * AWS reuses a report younger than four hours and otherwise starts a new one: STARTED the first
   * time, COMPLETE while the report stands. Generation here is instant, so a report is ready as
   * soon as STARTED is answered.
   */
  public GenerateCredentialReportResponse generateCredentialReport(
      GenerateCredentialReportRequest request, CallContext context) {
    String account = context.caller().accountId();
    boolean started = env.store().write(tx -> {
      boolean current = tx.get(IamSchema.CREDENTIAL_REPORTS, account)
          .filter(report -> !expired(report, context.now())).isPresent();
      if (!current) {
        tx.put(IamSchema.CREDENTIAL_REPORTS, account, new CredentialReport(context.now(), csv(tx, account)));
      }
      return !current;
    });
    return GenerateCredentialReportResponse.builder()
        .state(started ? ReportStateType.STARTED : ReportStateType.COMPLETE)
        .description(started ? "No report exists. Starting a new report generation task" : null).build();
  }

  private static boolean expired(CredentialReport report, Instant now) {
    return report.generatedAt().plus(VALIDITY).isBefore(now);
  }

  public GetCredentialReportResponse getCredentialReport(GetCredentialReportRequest request, CallContext context) {
    String account = context.caller().accountId();
    CredentialReport report = env.store().read(tx -> tx.get(IamSchema.CREDENTIAL_REPORTS, account)).orElseThrow(
        () -> IamError.REPORT_NOT_PRESENT.exception((String) null)); // AWS sends the code alone
    if (expired(report, context.now())) {
      throw IamError.REPORT_EXPIRED.exception(
          "Credential report is expired. Use GenerateCredentialReport to generate a new credential report.");
    }
    return GetCredentialReportResponse.builder().content(SdkBytes.fromString(report.csv(), StandardCharsets.UTF_8))
        .reportFormat(ReportFormatType.TEXT_CSV).generatedTime(report.generatedAt()).build();
  }

  private String csv(ReadTx tx, String account) {
    Account root = lookups.account(tx, account);
    List<String> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.add(row("<root_account>", IamArns.root(account), root.createdAt(), root.rootPasswordHash() != null,
        root.rootPasswordLastUsed(), null, MfaOperations.hasDevice(tx, account, IamSchema.ROOT_USER),
        keys(tx, account, IamSchema.ROOT_USER), SigningCertificateOperations.of(tx, account, IamSchema.ROOT_USER),
        true));
    for (User user : UserOperations.all(tx, account)) {
      Optional<LoginProfile> profile = tx.get(IamSchema.LOGIN_PROFILES, key(account, user.name()));
      rows.add(row(user.name(), IamArns.user(account, user.path(), user.name()), user.createDate(),
          profile.isPresent(), user.passwordLastUsed(), profile.map(LoginProfile::createDate).orElse(null),
          MfaOperations.hasDevice(tx, account, user.name()), keys(tx, account, user.name()),
          SigningCertificateOperations.of(tx, account, user.name()), false));
    }
    return String.join("\n", rows);
  }

  private static List<AccessKey> keys(ReadTx tx, String account, String userKey) {
    return tx.scan(IamSchema.ACCESS_KEYS, prefix(account, userKey), null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  /**
   * AWS writes {@code N/A} for what does not apply and {@code not_supported} for the root user's
   * password dates. A user's password_last_changed is when its login profile was created.
   */
  private static String row(String user, String arn, Instant created, boolean passwordEnabled, Instant passwordUsed,
      Instant passwordChanged, boolean mfa, List<AccessKey> keys, List<SigningCertificate> certificates,
      boolean root) {
    List<String> cells = new ArrayList<>(List.of(user, arn, time(created), Boolean.toString(passwordEnabled),
        passwordEnabled ? timeOr(passwordUsed, "no_information") : "N/A",
        root ? "not_supported" : timeOr(passwordChanged, "N/A"),
        root ? "not_supported" : "N/A",
        Boolean.toString(mfa)));
    for (int i = 0; i < 2; i++) {
      AccessKey k = i < keys.size() ? keys.get(i) : null;
      cells.add(Boolean.toString(k != null && "Active".equals(k.status())));
      cells.add(k == null ? "N/A" : time(k.createDate()));
      cells.add(k == null ? "N/A" : timeOr(k.lastUsedDate(), "N/A"));
      cells.add(k == null || k.lastUsedRegion() == null ? "N/A" : k.lastUsedRegion());
      cells.add(k == null || k.lastUsedService() == null ? "N/A" : k.lastUsedService());
    }
    for (int i = 0; i < 2; i++) {
      SigningCertificate c = i < certificates.size() ? certificates.get(i) : null;
      cells.add(Boolean.toString(c != null && "Active".equals(c.status())));
      cells.add(c == null ? "N/A" : time(c.uploadDate()));
    }
    return String.join(",", cells);
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String timeOr(Instant instant, String absent) {
    return instant == null ? absent : time(instant);
  }
}
