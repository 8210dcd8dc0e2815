package dev.billinggate.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwinFormatTest {
  @Test
  void aWrittenTwinReadsBackEqual() throws Exception {
    Twin twin = TwinFiles.twin();
    String text = TwinFiles.text(twin);
    assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,");
    assertThat(TwinFiles.read(text)).isEqualTo(twin);
  }

  @Test
  void aTruncatedFileIsRefusedWithItsPlace() throws Exception {
    String text = TwinFiles.text(TwinFiles.twin());
    String cut = text.substring(0, text.indexOf("\"failures\""));
    assertThatThrownBy(() -> TwinFiles.read(cut)).isInstanceOf(TwinFormatException.class)
        .hasMessageStartingWith("org.json: line ").hasMessageContaining("end-of-input");
  }

  @Test
  void aFileCutBetweenAccountsIsRefused() throws Exception {
    String text = TwinFiles.text(TwinFiles.twin());
    int second = text.indexOf("\"id\" : \"" + TwinFiles.MEMBER + "\"");
    String cut = text.substring(0, text.lastIndexOf('{', second));
    assertThatThrownBy(() -> TwinFiles.read(cut)).isInstanceOf(TwinFormatException.class);
  }

  @Test
  void anUnknownSchemaVersionIsRefusedBeforeAnythingElse() throws Exception {
    String text = TwinFiles.text(TwinFiles.twin()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");
    assertThatThrownBy(() -> TwinFiles.read(text)).isInstanceOf(TwinFormatException.class)
        .hasMessageContaining("unknown schema version 2").hasMessageContaining("line 2");
  }

  /** Hand edits: each names the element and the field that is wrong. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"state\" : \"ACTIVE\"|\"state\" : \"GONE\"|accounts[0] (111111111111): state GONE",
      "\"access\" : \"ON\"|\"access\" : \"MAYBE\"|accounts[0].billing.access",
      "\"joinedMethod\" : \"CREATED\"|\"joinedMetod\" : \"CREATED\"|accounts[0].joinedMethod: missing",
      "\"joinedMethod\" : \"CREATED\"|\"joinedMethod\" : \"CREATED\", \"extra\" : 1|accounts[0].extra: unknown field",
      "\"parentId\" : \"ou-ab12-abcdefgh\"|\"parentId\" : \"ou-ab12-zzzzzzzz\"|accounts[1] (222222222222): parentId ou-ab12-zzzzzzzz",
      "\"member@example.com\"|\"MGMT@example.com\"|accounts[1] (222222222222): email MGMT@example.com is also accounts[0] (111111111111)'s",
      "\"roots\" : [|\"rootz\" : [|expected field \"roots\" here, found \"rootz\"",
      "\"accounts\" : 2|\"accounts\" : 3|\"end\" counts 3 accounts but the file holds 2",
  })
  void aHandEditedFileIsRefusedNamingThePlace(String from, String to, String message) throws Exception {
    String text = TwinFiles.text(TwinFiles.twin());
    assertThat(text).contains(from);
    String edited = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    assertThatThrownBy(() -> TwinFiles.read(edited)).isInstanceOf(TwinFormatException.class)
        .hasMessageStartingWith("org.json: ").hasMessageContaining(message);
  }

  @Test
  void duplicateIdsAreRefusedNamingBothPlaces() throws Exception {
    Twin twin = TwinFiles.twin();
    List<Twin.Account> accounts = new ArrayList<>(twin.accounts());
    accounts.add(TwinFiles.account(TwinFiles.MEMBER, "other@example.com", TwinFiles.ROOT, accounts.get(1).rootCredentials()));
    Twin duplicated = new Twin(twin.header(), twin.organization(), twin.roots(), twin.organizationalUnits(),
        twin.policies(), twin.trustedAccess(), twin.delegatedAdministrators(), twin.resourcePolicy(), twin.rootAccess(),
        accounts, twin.failures());
    String text = TwinFiles.text(duplicated);
    assertThatThrownBy(() -> TwinFiles.read(text)).isInstanceOf(TwinFormatException.class)
        .hasMessage("org.json: accounts[2] (222222222222): duplicate id, also accounts[1]");
  }

  @Test
  void notJsonIsRefused() {
    assertThatThrownBy(() -> TwinFiles.read("schemaVersion: 1")).isInstanceOf(TwinFormatException.class)
        .hasMessageStartingWith("org.json: line 1");
  }
}
