/**
 * The call while it is in progress, after routing: {@link com.callportrait.live.LiveCalls} (the
 * live stage: AMI feeding the call state, the policy acting on it, the safety expiry), the live
 * policy ({@link com.callportrait.live.LivePolicy}: operator-editable rules,
 * {@code live-rules.yaml} read by {@link com.callportrait.live.LiveRulesLoader} and reloaded on an
 * edit, evaluated on every change of a call and once a second for waiting callers; actions such as
 * {@code QueueChangePriorityCaller}, {@code Redirect} and alerts are idempotent per call,
 * rate-limited and audited as {@code type=action} events), where alerts go
 * ({@link com.callportrait.live.AlertSink}), and who may see and act on live calls
 * ({@link com.callportrait.live.TokenService}: HMAC-signed expiring agent and supervisor tokens).
 * The call state itself is in {@code live.calls}, the AMI client in {@code live.ami}.
 */
package com.callportrait.live;
