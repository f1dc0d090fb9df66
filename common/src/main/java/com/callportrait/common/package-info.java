/**
 * What every CallPortrait module shares and nothing call-specific: the root exception, configuration
 * ({@code config}) and the Netty pieces of every server ({@code net}).
 */
package com.callportrait.common;
