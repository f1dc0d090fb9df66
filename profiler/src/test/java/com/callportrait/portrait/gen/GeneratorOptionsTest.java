package com.callportrait.portrait.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
    @Test
    void builderDefaultsAndTheShortForm() {
        GeneratorOptions d = GeneratorOptions.builder().build();
        assertThat(d.seed()).isEqualTo(GeneratorOptions.DEFAULT_SEED);
        assertThat(d.customers()).isEqualTo(GeneratorOptions.DEFAULT_CUSTOMERS);
        assertThat(d.end()).isEqualTo(GeneratorOptions.DEFAULT_END);
        assertThat(d.dirtyShare()).isZero();
        // the contact-rate arithmetic is part of every seeded data set: it must not drift
        assertThat(GeneratorOptions.of(11, 2500, 25_000).callsScale()).isEqualTo(25_000.0 / 2500 / 15.7);
        assertThatThrownBy(() -> GeneratorOptions.builder().days(10).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
