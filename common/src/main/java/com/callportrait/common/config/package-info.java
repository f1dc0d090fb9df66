/**
 * Configuration: the one {@link com.callportrait.common.config.Env} reader every options type is built
 * from, and the one {@link com.callportrait.common.config.ConfigException} that names a bad variable.
 */
package com.callportrait.common.config;
