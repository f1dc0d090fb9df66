package com.callportrait.profile.imports;

import java.util.List;

/**
 * A customer file read and validated, nothing stored yet.
 *
 * @param rows       valid rows in file order, one per customer id
 * @param rejected   invalid rows with line and reason, in file order
 * @param duplicates how many of {@code rejected} repeated an earlier customer id
 * @param warnings   remarks on accepted rows and on the header
 */
public record ParsedCustomers(List<CustomerRow> rows, List<RowProblem> rejected, int duplicates, List<RowProblem> warnings) {
    public ParsedCustomers {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }
}
