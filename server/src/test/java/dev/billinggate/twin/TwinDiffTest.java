package dev.billinggate.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwinDiffTest {
  @Test
  void aTwinDoesNotDifferFromItself() {
    assertThat(TwinDiff.compare(TwinFiles.twin(), TwinFiles.twin())).isEmpty();
  }

  @Test
  void eachChangeIsOneLineNamingKindIdAndWhat() {
    Twin a = TwinFiles.twin();
    Twin.Account member = a.accounts().get(1);
    Twin.Account changed = new Twin.Account(member.id(), member.name(), member.email(), "SUSPENDED",
        member.joinedMethod(), member.joinedAt(), TwinFiles.ROOT, member.tags(), new Twin.Billing(Twin.BillingAccess.OFF,
        "other source"), member.rootCredentials(), null);
    Twin.Policy policy = a.policies().get(0);
    Twin.Policy reformatted = new Twin.Policy(policy.id(), policy.name(), policy.description(), policy.type(), true,
        "{ \"Statement\" : [{\"Resource\":\"*\",\"Action\":\"*\",\"Effect\":\"Allow\"}], \"Version\":\"2012-10-17\"}",
        List.of(TwinFiles.ROOT, TwinFiles.OU), policy.tags());
    Twin b = new Twin(a.header(), a.organization(), a.roots(), a.organizationalUnits(), List.of(reformatted),
        a.trustedAccess(), List.of(), a.resourcePolicy(), a.rootAccess(), List.of(a.accounts().get(0), changed),
        a.failures());
    assertThat(TwinDiff.compare(a, b)).extracting(Difference::toString).containsExactly(
        "attachment p-FullAWSAccess targets: -222222222222",
        "delegated-administrator o-abcdefghij registrations: -222222222222:iam.amazonaws.com",
        "account 222222222222 state: ACTIVE -> SUSPENDED",
        "account 222222222222 parentId: ou-ab12-abcdefgh -> r-ab12",
        "account 222222222222 billingAccess: ON -> OFF");
  }
}
