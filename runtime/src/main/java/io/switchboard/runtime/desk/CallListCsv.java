package io.switchboard.runtime.desk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a call list from CSV (Apache Commons CSV): a header row naming a {@code number} (or
 * {@code phone}) column, an optional {@code name}, and any other columns, which become the entry's
 * variables. Every bad row is reported with its line number; the caller imports nothing when there is one.
 */
public final class CallListCsv {
  public static final int MAX_ROWS = 50_000;
  /** A number once its separators (spaces, brackets, dots, dashes, slashes) are gone. */
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
  private static final Pattern SEPARATORS = Pattern.compile("[ ()./-]");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private CallListCsv() {}

  /** A row that reads well. */
  public record Row(int line, String phone, String name, Map<String, String> columns) {}

  /** A row or the header that does not. */
  public record Problem(int line, String message) {}

  /** The rows, or the problems when there is any. */
  public record Parsed(List<Row> rows, List<Problem> problems) {}

  public static Parsed parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), format)) {
      List<String> header = parser.getHeaderNames();
      String numberColumn = header.stream().filter(h -> h.equalsIgnoreCase("number") || h.equalsIgnoreCase("phone"))
          .findFirst().orElse(null);
      if (numberColumn == null) {
        return new Parsed(List.of(), List.of(new Problem(1, "the header row needs a 'number' (or 'phone') column; it has "
            + header)));
      }
      for (String column : header) {
        if (!COLUMN.matcher(column).matches()) {
          problems.add(new Problem(1, "the column name '" + column + "' is not usable as a variable name (letters, digits, _)"));
        }
      }
      String nameColumn = header.stream().filter(h -> h.equalsIgnoreCase("name")).findFirst().orElse(null);
      for (CSVRecord record : parser) {
        int line = (int) parser.getCurrentLineNumber();
        if (rows.size() + problems.size() >= MAX_ROWS) {
          problems.add(new Problem(line, "a call list takes at most " + MAX_ROWS + " rows"));
          break;
        }
        if (!record.isConsistent()) {
          problems.add(new Problem(line, "has " + record.size() + " values, the header has " + header.size() + " columns"));
          continue;
        }
        String phone = record.get(numberColumn);
        if (phone.isEmpty()) {
          problems.add(new Problem(line, "the number is empty"));
          continue;
        }
        String digits = SEPARATORS.matcher(phone).replaceAll("");
        if (!NUMBER.matcher(digits).matches()) {
          problems.add(new Problem(line, "'" + phone + "' is not a phone number"));
          continue;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : header) {
          columns.put(column, record.get(column));
        }
        String name = nameColumn == null || record.get(nameColumn).isEmpty() ? null : record.get(nameColumn);
        if (name != null && name.length() > 200) {
          problems.add(new Problem(line, "the name is longer than 200 characters"));
          continue;
        }
        rows.add(new Row(line, digits, name, columns));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // Commons CSV reports a malformed file (an unclosed quote, a duplicate header) this way
      problems.add(new Problem(0, "the file is not valid CSV: " + e.getMessage().toLowerCase(Locale.ROOT)));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(2, "the file has no contacts below its header row"));
    }
    return new Parsed(problems.isEmpty() ? rows : List.of(), problems);
  }
}
