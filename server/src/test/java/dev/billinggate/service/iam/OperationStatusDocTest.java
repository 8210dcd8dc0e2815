package dev.billinggate.service.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.ServiceId;
import dev.billinggate.model.ServiceModel;
import dev.billinggate.service.OperationTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/iam-sts.md lists every IAM and STS operation with the status the registered services give it. */
class OperationStatusDocTest {
  private static final Path DOC = Path.of("..", "docs", "iam-sts.md");

  @Test
  void everyOperationIsListedWithItsStatus() throws IOException {
    IamFixture fixture = new IamFixture();
    String doc = Files.readString(DOC);
    for (Map.Entry<ServiceId, OperationTable> service
        : Map.of(ServiceId.IAM, fixture.iamTable, ServiceId.STS, fixture.stsTable).entrySet()) {
      for (String operation : ServiceModel.of(service.getKey()).operations().keySet()) {
        String status = service.getValue().find(operation).isPresent() ? "implemented" : "NotImplemented";
        assertThat(doc).as("%s's row in %s (update the table after implementing an operation)", operation, DOC)
            .contains("| " + operation + " | " + status + " |");
      }
    }
  }
}
