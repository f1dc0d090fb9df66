package com.callportrait.portrait.engine;

import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.time.Instant;
import java.util.List;

/** One generated build shared by the engine tests (fixed seed; built once per test JVM). */
final class EngineFixture {
    static final Instant AS_OF = GeneratorOptions.DEFAULT_END;
    static final GeneratorOptions DATA = GeneratorOptions.of(11, 2500, 25_000);
    private static BatchBuild.Result result;

    private EngineFixture() {
    }

    static synchronized BatchBuild.Result build() {
        if (result == null) {
            result = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                    .run(List.of(new SyntheticSource(DATA)), AS_OF, null, BuildListener.NONE, null);
        }
        return result;
    }
}
