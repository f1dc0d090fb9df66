/**
 * The command line of {@code callportrait.jar}, the last stage: one class per command.
 * {@code serve} runs the {@link com.callportrait.server.Application} until SIGTERM
 * ({@link com.callportrait.cli.Running}). Register a new top-level command in
 * {@link com.callportrait.cli.Main}'s {@code subcommands}, a {@code profile ...} command in
 * {@link com.callportrait.cli.ProfileCommand}: one line each. Benchmarks have their own jar (the
 * {@code bench} module).
 */
package com.callportrait.cli;
