package io.switchboard.runtime.knowledge;

/** One article read from an import: where it came from (a file name, or null for CSV) and at which line. */
record ImportRow(String source, int line, ArticleDraft draft) {}
