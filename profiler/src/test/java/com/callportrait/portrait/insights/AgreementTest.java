package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgreementTest {
    @Test
    void samePartitionUnderOtherNamesAgreesFully() {
        assertThat(Agreement.adjustedRand(new int[] {0, 0, 1, 1, 2, 2}, new int[] {5, 5, 3, 3, 9, 9})).isEqualTo(1.0);
    }

    @Test
    void matchesTheTextbookValue() {
        // contingency [[1,1],[0,2]]: index 1, row pairs 1+1, column pairs 0+3, n=4 -> ARI 0
        assertThat(Agreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1})).isCloseTo(0.0,
                org.assertj.core.data.Offset.offset(1e-12));
        // one item moved: index 7, row pairs 9, column pairs 10, expected 2.5, max 9.5 -> 4.5/7 = 9/14
        double ari = Agreement.adjustedRand(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 0, 1, 1, 1, 1, 2, 2, 2});
        assertThat(ari).isCloseTo(9.0 / 14, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void refusesLabelingsOfDifferentLength() {
        assertThatThrownBy(() -> Agreement.adjustedRand(new int[] {0}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
