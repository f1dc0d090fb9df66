/**
 * The live routing policy: operator-editable rules ({@code live-rules.yaml}, reloaded on change)
 * evaluated on every change of a live call and once a second for waiting callers; actions
 * ({@code QueueChangePriorityCaller}, {@code Redirect}, agent/supervisor alerts) are idempotent per
 * call, rate-limited, and audited in {@code cp:events} as {@code type=action} with the rule and
 * the evidence.
 */
package com.callportrait.live;
