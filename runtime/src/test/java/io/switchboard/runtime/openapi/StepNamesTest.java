package io.switchboard.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step names read as a person would write them, whatever the document's authors gave. */
class StepNamesTest {
  @Test
  void anOperationIdBecomesWordsWithAcronymsKept() {
    assertThat(StepNames.name("getCustomerByPhone", "Looks up the customer whose phone number matches the caller.", "GET",
        "/customers")).isEqualTo("Get customer by phone");
    assertThat(StepNames.name("list_open-tickets", null, "GET", "/tickets")).isEqualTo("List open tickets");
    assertThat(StepNames.name("sendSMSReminder", null, "POST", "/sms")).isEqualTo("Send SMS reminder");
    assertThat(StepNames.name("getV2Orders", null, "GET", "/orders")).isEqualTo("Get V2 orders");
  }

  @Test
  void withoutAnIdAShortSummaryIsTheNameAndALongOneGivesWayToThePath() {
    assertThat(StepNames.name(null, "open a ticket.", "POST", "/tickets")).isEqualTo("Open a ticket");
    assertThat(StepNames.name(" ", "Returns every order that the customer placed in the last twelve months, newest first",
        "GET", "/customers/{customer-id}/orders")).isEqualTo("Get customers orders by customer id");
    assertThat(StepNames.name(null, null, "DELETE", "/tickets/{id}")).isEqualTo("Delete tickets by id");
  }

  @Test
  void theDescriptionIsTheOperationsOrElseASummaryTheNameDidNotUse() {
    assertThat(StepNames.description("getCustomer", "Customer by id", "One customer.")).isEqualTo("One customer.");
    assertThat(StepNames.description("getCustomer", "Customer by id", null)).isEqualTo("Customer by id");
    assertThat(StepNames.description(null, "Open a ticket", " ")).isNull();
  }

  @Test
  void idsTakenEarlierInTheSameImportGetANumber() {
    Set<String> taken = new HashSet<>();
    assertThat(StepNames.unique("get-customer", taken)).isEqualTo("get-customer");
    assertThat(StepNames.unique("get-customer", taken)).isEqualTo("get-customer-2");
    assertThat(StepNames.unique("get-customer", taken)).isEqualTo("get-customer-3");
    assertThat(StepNames.unique("x".repeat(64), taken)).hasSize(64);
    assertThat(StepNames.unique("x".repeat(64), taken)).hasSize(64).endsWith("-2");
  }
}
