package dev.billinggate.twin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small valid twin and its file text, for the format's tests. */
final class TwinFiles {
  static final String MANAGEMENT = "111111111111";
  static final String MEMBER = "222222222222";
  static final String ROOT = "r-ab12";
  static final String OU = "ou-ab12-abcdefgh";

  private TwinFiles() {}

  static Twin twin() {
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    return new Twin(new Twin.Header(at, "http://127.0.0.1:4566", "arn:aws:iam::111111111111:user/admin", false),
        new Twin.Organization("o-abcdefghij", "ALL", MANAGEMENT, "mgmt@example.com"),
        List.of(new Twin.Root(ROOT, "Root", List.of("SERVICE_CONTROL_POLICY"), Map.of())),
        List.of(new Twin.Ou(OU, "Workloads", ROOT, Map.of("env", "prod"))),
        List.of(new Twin.Policy("p-FullAWSAccess", "FullAWSAccess", "all", "SERVICE_CONTROL_POLICY", true,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            List.of(ROOT, OU, MEMBER), Map.of())),
        List.of(new Twin.ServiceAccess("iam.amazonaws.com", at)),
        List.of(new Twin.DelegatedAdministrator(MEMBER, "iam.amazonaws.com", at)),
        null, new Twin.RootAccess(List.of("RootCredentialsManagement", "RootSessions"), null),
        List.of(account(MANAGEMENT, "mgmt@example.com", ROOT, Twin.RootCredentials.notAudited(
                Twin.RootCredentials.Audit.NOT_AUDITED, "management account")),
            account(MEMBER, "member@example.com", OU, new Twin.RootCredentials(Twin.RootCredentials.Audit.AUDITED,
                null, true, List.of(new Twin.AccessKey("AKIAEXAMPLEEXAMPLE12", "Active", null)), List.of(),
                List.of()))),
        List.of());
  }

  static Twin.Account account(String id, String email, String parent, Twin.RootCredentials root) {
    return new Twin.Account(id, "Name " + id, email, "ACTIVE", "CREATED", Instant.parse("2026-01-01T00:00:00Z"), parent,
        Map.of(), new Twin.Billing(Twin.BillingAccess.ON, "probe"), root, null);
  }

  static String text(Twin twin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TwinWriter.write(twin, out, true);
    return out.toString(StandardCharsets.UTF_8);
  }

  static Twin read(String text) throws IOException {
    return TwinReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "org.json");
  }
}
