/**
 * The tag library in six families (channel, evaluation, attribute, traffic, risk, segment), every
 * tag carrying the rule or model and the input values behind it, and the next-best action for the
 * agent ({@link NextBestAction}).
 */
package com.callportrait.portrait.tags;
