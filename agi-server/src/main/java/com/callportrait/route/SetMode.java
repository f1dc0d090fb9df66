package com.callportrait.route;

/**
 * How the route script sets its channel variables. {@link #MSET}: one {@code EXEC MSet A=x,B=y,...}
 * round trip for all of them (falls back to {@link #SET} if Asterisk refuses it); {@link #SET}:
 * one {@code SET VARIABLE} round trip per variable. docs/agi.md has the measured difference.
 * Immutable and thread-safe.
 */
public enum SetMode { MSET, SET }
