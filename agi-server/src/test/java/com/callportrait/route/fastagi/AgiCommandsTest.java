package com.callportrait.route.fastagi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiCommandsTest {
    @Test
    void setVariableQuotesAndEscapesAsAsteriskParsesIt() {
        assertThat(AgiCommands.setVariable("CP_QUEUE", "support")).isEqualTo("SET VARIABLE CP_QUEUE \"support\"");
        assertThat(AgiCommands.setVariable("X", "a \"b\" c\\d")).isEqualTo("SET VARIABLE X \"a \\\"b\\\" c\\\\d\"");
        assertThat(AgiCommands.setVariable("X", "")).isEqualTo("SET VARIABLE X \"\"");
        assertThatThrownBy(() -> AgiCommands.setVariable("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgiCommands.setVariable("BAD NAME", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void msetPutsAllVariablesInOneCommand() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CP_UUID", "df1b33ef-9433-43ba-85fe-f3668513653a");
        v.put("CP_QUEUE", "support");
        v.put("CP_CUSTOMER_ID", "");
        assertThat(AgiCommands.mset(v))
                .isEqualTo("EXEC MSet CP_UUID=df1b33ef-9433-43ba-85fe-f3668513653a,CP_QUEUE=support,CP_CUSTOMER_ID=");
    }

    @Test
    void msetRefusesValuesThatWouldBeSplitOrUnquoted() {
        for (String bad : new String[] {"a,b", "a\"b", "a b", "a\\b", "${EVIL}", "a|b"}) {
            assertThatThrownBy(() -> AgiCommands.mset(Map.of("X", bad))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(AgiCommands.safeValue("high value, \"loyal\"")).isEqualTo("high_value___loyal_");
    }
}
