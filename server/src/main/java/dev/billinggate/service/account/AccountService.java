package dev.billinggate.service.account;

import dev.billinggate.core.ServiceId;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.account.AccountRecords.AccountLookup;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.util.List;
import software.amazon.awssdk.services.account.model.DeleteAlternateContactRequest;
import software.amazon.awssdk.services.account.model.GetAccountInformationRequest;
import software.amazon.awssdk.services.account.model.GetAlternateContactRequest;
import software.amazon.awssdk.services.account.model.GetContactInformationRequest;
import software.amazon.awssdk.services.account.model.PutAccountNameRequest;
import software.amazon.awssdk.services.account.model.PutAlternateContactRequest;
import software.amazon.awssdk.services.account.model.PutContactInformationRequest;

/** AWS Account Management (restJson1): contacts, alternate contacts, account name and information. */
public final class AccountService implements ServiceHandler {
  private final AccountTargets targets;
  private final AccountOperations operations;

  public AccountService(Store store, OrganizationDirectory directory, AccountLookup accounts) {
    this.targets = new AccountTargets(directory);
    this.operations = new AccountOperations(store, targets, accounts);
  }

  public static List<Table<?>> tables() {
    return AccountRecords.ALL;
  }

  @Override
  public ServiceId service() {
    return ServiceId.ACCOUNT;
  }

  @Override
  public void register(OperationTable t) {
    t.on(GetContactInformationRequest.class, targets.rule(GetContactInformationRequest::accountId),
        operations::getContactInformation);
    t.on(PutContactInformationRequest.class, targets.rule(PutContactInformationRequest::accountId),
        operations::putContactInformation);
    t.on(GetAlternateContactRequest.class, targets.rule(GetAlternateContactRequest::accountId),
        operations::getAlternateContact);
    t.on(PutAlternateContactRequest.class, targets.rule(PutAlternateContactRequest::accountId),
        operations::putAlternateContact);
    t.on(DeleteAlternateContactRequest.class, targets.rule(DeleteAlternateContactRequest::accountId),
        operations::deleteAlternateContact);
    t.on(GetAccountInformationRequest.class, targets.rule(GetAccountInformationRequest::accountId),
        operations::getAccountInformation);
    t.on(PutAccountNameRequest.class, targets.rule(PutAccountNameRequest::accountId), operations::putAccountName);
  }
}
