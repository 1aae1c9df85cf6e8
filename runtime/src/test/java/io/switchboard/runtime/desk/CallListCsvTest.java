package io.switchboard.runtime.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallListCsvTest {

  @Test
  void readsNumbersNamesAndEveryOtherColumn() {
    CallListCsv.Parsed parsed = CallListCsv.parse("""
        number,name,contract,tier
        +48 22 555 01 00,Anna Nowak,C-1,gold

        (030) 555-0101,"Müller, Jörg",C-2,silver
        """);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).hasSize(2);
    assertThat(parsed.rows().getFirst().phone()).isEqualTo("+48225550100");
    assertThat(parsed.rows().getFirst().line()).isEqualTo(2);
    assertThat(parsed.rows().get(1).name()).isEqualTo("Müller, Jörg");
    assertThat(parsed.rows().get(1).line()).isEqualTo(4);
    assertThat(parsed.rows().get(1).columns()).containsEntry("tier", "silver").containsEntry("contract", "C-2");
  }

  @Test
  void reportsEveryBadRowWithItsLineAndKeepsNone() {
    CallListCsv.Parsed parsed = CallListCsv.parse("""
        phone,name
        +48225550100,Anna
        ,Nobody
        call me,Bob
        +48225550101,Cid,extra
        """);
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).extracting(CallListCsv.Problem::line).containsExactly(3, 4, 5);
    assertThat(parsed.problems().get(0).message()).isEqualTo("the number is empty");
    assertThat(parsed.problems().get(1).message()).contains("'call me' is not a phone number");
    assertThat(parsed.problems().get(2).message()).contains("has 3 values, the header has 2 columns");
  }

  @Test
  void aFileWithoutANumberColumnOrContactsIsRefused() {
    assertThat(CallListCsv.parse("name,city\nAnna,Kraków\n").problems().getFirst().message())
        .contains("'number' (or 'phone') column");
    assertThat(CallListCsv.parse("number,name\n").problems().getFirst().message()).contains("no contacts");
    assertThat(CallListCsv.parse("number,name\n\"+48 22,Anna\n").problems().getFirst().message()).contains("not valid CSV");
    assertThat(CallListCsv.parse("number,first name\n+48225550100,Anna\n").problems().getFirst().message())
        .contains("'first name'");
  }
}
