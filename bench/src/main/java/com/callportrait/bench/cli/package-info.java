/**
 * The command line of {@code callportrait-bench.jar}: {@link com.callportrait.bench.cli.BenchMain} and one
 * {@link com.callportrait.bench.cli.BenchCommand} per benchmark, each a thin picocli layer over
 * the benchmark class of its area.
 */
package com.callportrait.bench.cli;
