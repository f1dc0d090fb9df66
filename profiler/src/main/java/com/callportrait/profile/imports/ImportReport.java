package com.callportrait.profile.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, for the CLI to print.
 *
 * @param loaded     rows stored
 * @param rejected   rows not stored, in file order, each with line and reason (duplicates included)
 * @param duplicates how many of the rejected rows repeated a customer id seen earlier in the file
 * @param warnings   rows stored with a remark (e.g. a phone also given to another customer), and
 *                   ignored columns
 */
public record ImportReport(int loaded, List<RowProblem> rejected, int duplicates, List<RowProblem> warnings) {
    public ImportReport {
        if (loaded < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        if (duplicates > rejected.size()) {
            throw new IllegalArgumentException("duplicates are counted among the rejected rows");
        }
    }

    /** One line: {@code loaded 18, rejected 3 (1 duplicate id), 1 warning}. */
    public String summary() {
        return "loaded " + loaded + ", rejected " + rejected.size()
                + (duplicates > 0 ? " (" + duplicates + " duplicate id" + (duplicates > 1 ? "s" : "") + ")" : "")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning" + (warnings.size() > 1 ? "s" : ""));
    }

    /** The summary followed by one line per rejected row and per warning, as the CLI prints it. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary());
        rejected.forEach(p -> out.add("rejected " + p));
        warnings.forEach(p -> out.add("warning  " + p));
        return out;
    }
}
