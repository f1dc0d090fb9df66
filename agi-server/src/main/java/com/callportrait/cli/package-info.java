/**
 * One class per command of {@code callportrait.jar}. Register a new top-level command in
 * {@link com.callportrait.cli.Main}'s {@code subcommands}, a {@code profile ...} command in
 * {@link com.callportrait.cli.ProfileCommand}, a {@code bench ...} command in
 * {@link com.callportrait.cli.BenchCommand}: one line each.
 */
package com.callportrait.cli;
