package com.callportrait.bench.cli;

import picocli.CommandLine.Parameters;

/**
 * The positional arguments of a benchmark over generated customers: how many, and the generator's
 * seed. A picocli mixin; filled once by the command line, then read only.
 */
final class GeneratedCustomers {
    @Parameters(index = "0", arity = "0..1", defaultValue = "40000", paramLabel = "CUSTOMERS",
            description = "generated customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "42", paramLabel = "SEED",
            description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;
}
