/**
 * The portrait engine benchmark ({@code portrait}): batch build, live updates, model quality.
 */
package com.callportrait.bench.portrait;
