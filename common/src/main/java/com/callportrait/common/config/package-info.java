/**
 * Configuration: the one {@link com.callportrait.common.config.Env} reader every options type is built
 * from, the one {@link com.callportrait.common.config.ConfigException} that names a bad variable, and
 * {@link com.callportrait.common.config.ReloadingFile}, the one way an operator-edited file (routing
 * and live rules) is reloaded on an edit while the last good version stays on a broken one.
 */
package com.callportrait.common.config;
