package com.callportrait.bench.agi;

/**
 * The FastAGI environment block exactly as Asterisk 22.10.1 sent it in the recorded session
 * (same keys, order, LF line ends, blank line at the end), with script, caller and uniqueid
 * filled in. Stateless.
 */
public final class RecordedEnvironment {
    private static final String TEMPLATE = "agi_network: yes\nagi_network_script: %1$s\n"
            + "agi_request: agi://127.0.0.1:4573/%1$s\nagi_channel: Local/%2$s@cp-inbound-00000009;2\n"
            + "agi_language: en\nagi_type: Local\nagi_uniqueid: %3$s\nagi_version: 22.10.1\nagi_callerid: %2$s\n"
            + "agi_calleridname: Bench Caller\nagi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\n"
            + "agi_callingtns: 0\nagi_dnid: unknown\nagi_rdnis: unknown\nagi_context: cp-inbound\n"
            + "agi_extension: %2$s\nagi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \n"
            + "agi_threadid: 139943870211776\n\n";

    private RecordedEnvironment() {
    }

    public static String block(String script, String callerId, String uniqueId) {
        return String.format(TEMPLATE, script, callerId, uniqueId);
    }
}
