/**
 * One class per command of {@code callportrait.jar}. Register a new top-level command in
 * {@link com.callportrait.cli.Main}'s {@code subcommands} and a {@code profile ...} command in
 * {@link com.callportrait.cli.ProfileCommand}: one line each. Benchmarks live in their own jar
 * ({@code bench/}).
 */
package com.callportrait.cli;
