package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool's bookkeeping with in-memory recognisers (the Vosk side is in RecognizerReuseIT). */
class RecognizerPoolTest {

    /** Records what the pool does to it; fails to restart when told to. */
    static final class FakeRecognizer implements SpeechRecognizer {
        final int id;
        int restarts;
        boolean closed;
        boolean failRestart;

        FakeRecognizer(int id) {
            this.id = id;
        }

        @Override
        public boolean accept(float[] samples, int count) {
            return false;
        }

        @Override
        public double fedSeconds() {
            return 0;
        }

        @Override
        public String partial() {
            return "";
        }

        @Override
        public RecognizedText result() {
            return RecognizedText.EMPTY;
        }

        @Override
        public RecognizedText finish() {
            return RecognizedText.EMPTY;
        }

        @Override
        public void restart() {
            if (failRestart) {
                throw new IllegalStateException("restart failed");
            }
            restarts++;
        }

        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<FakeRecognizer> made = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    RecognizerPool pool(RecognizerPoolOptions options) {
        return new RecognizerPool(options, () -> {
            FakeRecognizer r = new FakeRecognizer(made.size());
            made.add(r);
            return r;
        }, registry);
    }

    double retired(String reason) {
        var c = registry.find("cp.speech.recognizers.retired").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aReturnedRecognizerIsRestartedAndLentAgain() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(2).warm(0).build());
        RecognizerPool.Lease a = pool.borrow();
        assertThat(a.uses()).isEqualTo(1);
        a.release();
        assertThat(made.get(0).restarts).isEqualTo(1);
        RecognizerPool.Lease b = pool.borrow();
        assertThat(b.recognizer()).isSameAs(made.get(0));
        assertThat(b.uses()).isEqualTo(2);
        assertThat(made).hasSize(1);
        b.release();
        b.release(); // a second end of the same lease does nothing
        assertThat(pool.idle()).isEqualTo(1);
        assertThat(made.get(0).restarts).isEqualTo(2);
    }

    @Test
    void theMostRecentlyReturnedIsLentFirst() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(3).warm(0).build());
        RecognizerPool.Lease a = pool.borrow();
        RecognizerPool.Lease b = pool.borrow();
        a.release();
        b.release();
        assertThat(pool.borrow().recognizer()).isSameAs(made.get(1));
    }

    @Test
    void beyondTheBoundALeaseGetsATemporaryRecognizerFreedAfterUse() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(1).warm(0).build());
        RecognizerPool.Lease pooled = pool.borrow();
        RecognizerPool.Lease extra = pool.borrow();
        assertThat(made).hasSize(2);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.leased()).isEqualTo(1);
        extra.release();
        assertThat(made.get(1).closed).isTrue();
        pooled.release();
        assertThat(made.get(0).closed).isFalse();
        assertThat(pool.idle()).isEqualTo(1);
        assertThat(registry.get("cp.speech.recognizers.temporary").counter().count()).isEqualTo(1);
    }

    @Test
    void unpooledLendsANewRecognizerEveryTime() {
        RecognizerPool pool = pool(RecognizerPoolOptions.unpooled());
        pool.borrow().release();
        pool.borrow().release();
        assertThat(made).hasSize(2).allMatch(r -> r.closed);
        assertThat(pool.idle()).isZero();
    }

    @Test
    void aDiscardedRecognizerIsClosedAndReplacedByANewOne() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(1).warm(0).build());
        pool.borrow().discard();
        assertThat(made.get(0).closed).isTrue();
        assertThat(pool.size()).isZero();
        RecognizerPool.Lease next = pool.borrow();
        assertThat(next.recognizer()).isSameAs(made.get(1));
        assertThat(pool.size()).isEqualTo(1);
        assertThat(retired("failed")).isEqualTo(1);
    }

    @Test
    void aRecognizerThatFailsToRestartIsRetired() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(1).warm(0).build());
        RecognizerPool.Lease a = pool.borrow();
        made.get(0).failRestart = true;
        a.release();
        assertThat(made.get(0).closed).isTrue();
        assertThat(pool.idle()).isZero();
        assertThat(retired("failed")).isEqualTo(1);
    }

    @Test
    void aRecognizerThatServedEnoughIsRetired() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(1).warm(0).maxUses(2).build());
        pool.borrow().release();
        pool.borrow().release(); // second use: the last
        assertThat(made.get(0).closed).isTrue();
        assertThat(pool.borrow().recognizer()).isSameAs(made.get(1));
        assertThat(retired("uses")).isEqualTo(1);
    }

    @Test
    void warmingCreatesTheWarmRecognizersAndDecodesWithEach() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(4).warm(3).build());
        pool.warm(new float[16_000], 16_000, Runnable::run);
        assertThat(pool.idle()).isEqualTo(3);
        assertThat(made).hasSize(3).allMatch(r -> r.restarts == 1 && !r.closed);
    }

    @Test
    void closingFreesIdleRecognizersNowAndLeasedOnesWhenReturned() {
        RecognizerPool pool = pool(RecognizerPoolOptions.builder().max(2).warm(0).build());
        RecognizerPool.Lease a = pool.borrow();
        pool.borrow().release();
        pool.close();
        assertThat(made.get(1).closed).isTrue();
        assertThat(made.get(0).closed).isFalse();
        a.release();
        assertThat(made.get(0).closed).isTrue();
        assertThat(pool.size()).isZero();
    }

    @Test
    void optionsFromTheEnvironmentAreValidated() {
        RecognizerPoolOptions o = RecognizerPoolOptions.from(Env.of(Map.of("CP_ASR_RECOGNIZERS", "4",
                "CP_ASR_RECOGNIZER_MAX_AGE", "30m", "CP_ASR_RECOGNIZER_LEASE", "utterance")));
        assertThat(o.max()).isEqualTo(4);
        assertThat(o.warm()).isEqualTo(4);
        assertThat(o.maxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.lease()).isEqualTo(RecognizerPoolOptions.Lease.UTTERANCE);
        assertThat(RecognizerPoolOptions.from(Env.empty())).isEqualTo(RecognizerPoolOptions.defaults());
        assertThatThrownBy(() -> RecognizerPoolOptions.from(Env.of(Map.of("CP_ASR_RECOGNIZERS", "2",
                "CP_ASR_WARM_RECOGNIZERS", "3")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CP_ASR_WARM_RECOGNIZERS");
        assertThatThrownBy(() -> RecognizerPoolOptions.from(Env.of(Map.of("CP_ASR_RECOGNIZER_LEASE", "forever"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_RECOGNIZER_LEASE");
        assertThatThrownBy(() -> RecognizerPoolOptions.from(Env.of(Map.of("CP_ASR_RECOGNIZER_MAX_AGE", "5s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_RECOGNIZER_MAX_AGE");
    }
}
