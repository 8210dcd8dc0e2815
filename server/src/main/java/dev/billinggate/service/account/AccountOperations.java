package dev.billinggate.service.account;

import static dev.billinggate.service.account.AccountRecords.ALTERNATE_CONTACTS;
import static dev.billinggate.service.account.AccountRecords.CONTACTS;
import static dev.billinggate.service.account.AccountRecords.NAMES;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.account.AccountRecords.AccountFacts;
import dev.billinggate.service.account.AccountRecords.AccountLookup;
import dev.billinggate.service.account.AccountRecords.AccountName;
import dev.billinggate.service.account.AccountRecords.AlternateContact;
import dev.billinggate.service.account.AccountRecords.Contact;
import dev.billinggate.store.Store;
import software.amazon.awssdk.services.account.model.ContactInformation;
import software.amazon.awssdk.services.account.model.DeleteAlternateContactRequest;
import software.amazon.awssdk.services.account.model.DeleteAlternateContactResponse;
import software.amazon.awssdk.services.account.model.GetAccountInformationRequest;
import software.amazon.awssdk.services.account.model.GetAccountInformationResponse;
import software.amazon.awssdk.services.account.model.GetAlternateContactRequest;
import software.amazon.awssdk.services.account.model.GetAlternateContactResponse;
import software.amazon.awssdk.services.account.model.GetContactInformationRequest;
import software.amazon.awssdk.services.account.model.GetContactInformationResponse;
import software.amazon.awssdk.services.account.model.PutAccountNameRequest;
import software.amazon.awssdk.services.account.model.PutAccountNameResponse;
import software.amazon.awssdk.services.account.model.PutAlternateContactRequest;
import software.amazon.awssdk.services.account.model.PutAlternateContactResponse;
import software.amazon.awssdk.services.account.model.PutContactInformationRequest;
import software.amazon.awssdk.services.account.model.PutContactInformationResponse;

/** Contact information, alternate contacts, account name and information. */
final class AccountOperations {
  private final Store store;
  private final AccountTargets targets;
  private final AccountLookup accounts;

  AccountOperations(Store store, AccountTargets targets, AccountLookup accounts) {
    this.store = store;
    this.targets = targets;
    this.accounts = accounts;
  }

  GetContactInformationResponse getContactInformation(GetContactInformationRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    Contact c = store.read(tx -> tx.get(CONTACTS, account)).orElseThrow(() -> AccountError.RESOURCE_NOT_FOUND
        .exception("No contact information found for the account."));
    return GetContactInformationResponse.builder().contactInformation(ContactInformation.builder()
        .fullName(c.fullName()).addressLine1(c.addressLine1()).addressLine2(c.addressLine2())
        .addressLine3(c.addressLine3()).city(c.city()).stateOrRegion(c.stateOrRegion())
        .districtOrCounty(c.districtOrCounty()).postalCode(c.postalCode()).countryCode(c.countryCode())
        .phoneNumber(c.phoneNumber()).companyName(c.companyName()).websiteUrl(c.websiteUrl()).build()).build();
  }

  PutContactInformationResponse putContactInformation(PutContactInformationRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    ContactInformation c = r.contactInformation();
    Contact stored = new Contact(c.fullName(), c.addressLine1(), c.addressLine2(), c.addressLine3(), c.city(),
        c.stateOrRegion(), c.districtOrCounty(), c.postalCode(), c.countryCode(), c.phoneNumber(), c.companyName(),
        c.websiteUrl());
    store.write(tx -> {
      tx.put(CONTACTS, account, stored);
      return null;
    });
    return PutContactInformationResponse.builder().build();
  }

  GetAlternateContactResponse getAlternateContact(GetAlternateContactRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    AlternateContact c = store.read(tx -> tx.get(ALTERNATE_CONTACTS, account + "/" + r.alternateContactTypeAsString()))
        .orElseThrow(AccountOperations::noAlternateContact);
    return GetAlternateContactResponse.builder().alternateContact(a -> a.alternateContactType(c.type()).name(c.name())
        .title(c.title()).emailAddress(c.emailAddress()).phoneNumber(c.phoneNumber())).build();
  }

  PutAlternateContactResponse putAlternateContact(PutAlternateContactRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    String type = r.alternateContactTypeAsString();
    AlternateContact c = new AlternateContact(type, r.name(), r.title(), r.emailAddress(), r.phoneNumber());
    store.write(tx -> {
      tx.put(ALTERNATE_CONTACTS, account + "/" + type, c);
      return null;
    });
    return PutAlternateContactResponse.builder().build();
  }

  DeleteAlternateContactResponse deleteAlternateContact(DeleteAlternateContactRequest r, CallContext ctx) {
    String key = targets.resolve(r.accountId(), ctx) + "/" + r.alternateContactTypeAsString();
    store.write(tx -> {
      if (tx.get(ALTERNATE_CONTACTS, key).isEmpty()) {
        throw noAlternateContact();
      }
      tx.delete(ALTERNATE_CONTACTS, key);
      return null;
    });
    return DeleteAlternateContactResponse.builder().build();
  }

  GetAccountInformationResponse getAccountInformation(GetAccountInformationRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    AccountFacts facts = accounts.find(account).orElse(new AccountFacts(account, null));
    String name = store.read(tx -> tx.get(NAMES, account)).map(AccountName::name).orElse(facts.name());
    return GetAccountInformationResponse.builder().accountId(account).accountName(name)
        .accountCreatedDate(facts.createdAt()).build();
  }

  PutAccountNameResponse putAccountName(PutAccountNameRequest r, CallContext ctx) {
    String account = targets.resolve(r.accountId(), ctx);
    store.write(tx -> {
      tx.put(NAMES, account, new AccountName(account, r.accountName()));
      return null;
    });
    return PutAccountNameResponse.builder().build();
  }

  // The text AWS sends (prowler, moto and others match on it).
  private static RuntimeException noAlternateContact() {
    return AccountError.RESOURCE_NOT_FOUND.exception("No contact of the inputted alternate contact type found.");
  }
}
