package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a live action is claimed before it is sent, so that of any number of instances watching
 * one Asterisk exactly one acts: each instance's {@link LivePolicy} first marks the rule fired on
 * its own call state (once per process), then claims the call and rule here (once across
 * instances); only the winner sends the action. Implementations are thread-safe and never block.
 */
public interface ActionClaims {
    /** The outcome of a claim. */
    enum Outcome {
        /** This instance acts. */
        WON,
        /** Another instance (or this one before a restart) already claimed it: do nothing. */
        LOST,
        /** The claim store did not answer: the policy's fail-safe decides. */
        UNAVAILABLE
    }

    /**
     * Claims {@code names} (a rule, and for a redirect also the call's one redirect) of
     * {@code call}: all of them or none, atomically.
     */
    CompletionStage<Outcome> claim(CallSnapshot call, List<String> names);

    /**
     * Gives back a claim this instance won but could not use (nothing was written to AMI), so
     * the rule may act once AMI is back, on whichever instance.
     */
    void release(CallSnapshot call, List<String> names);

    /** One process alone: every claim is won (its call state already acts once per call and rule). */
    ActionClaims LOCAL = new ActionClaims() {
        @Override
        public CompletionStage<Outcome> claim(CallSnapshot call, List<String> names) {
            return CompletableFuture.completedFuture(Outcome.WON);
        }

        @Override
        public void release(CallSnapshot call, List<String> names) {
        }
    };
}
