package com.callportrait.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextActionTest {
    @Test
    void splitsTheEngineLineIntoActionAndReason() {
        assertThat(NextAction.parse("Offer a payment plan or direct debit [late_payments_365d=3]"))
                .isEqualTo(new NextAction("Offer a payment plan or direct debit", "late_payments_365d=3"));
        // the reason is the LAST bracket: an action may name something in brackets itself
        assertThat(NextAction.parse("Give the status of open ticket T1 [web] (billing) [open since 2026-11-02]"))
                .isEqualTo(new NextAction("Give the status of open ticket T1 [web] (billing)", "open since 2026-11-02"));
    }

    @Test
    void aLineWithoutReasonIsAllActionAndEmptyIsEmpty() {
        assertThat(NextAction.parse("Call back tomorrow")).isEqualTo(new NextAction("Call back tomorrow", ""));
        assertThat(NextAction.parse("[only a reason]")).isEqualTo(new NextAction("[only a reason]", ""));
        assertThat(NextAction.parse("  ").isEmpty()).isTrue();
    }
}
