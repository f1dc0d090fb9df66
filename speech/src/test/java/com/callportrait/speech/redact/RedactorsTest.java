package com.callportrait.speech.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorsTest {

    private final Redactor r = Redactors.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my card number is four five three two zero one five one one two eight three zero three six six|my card number is [CARD]",
        "it's 4532-0151-1283-0366 thanks|it's [CARD] thanks",
        "the number is four five three two oh one five double one two eight three oh three six six|the number is [CARD]",
        "four five three two zero one five one one two eight three zero three six six|[CARD]",
        "you can call me on five five five one two three four five six seven|you can call me on [PHONE]",
        "my number is (555) 123-4567|my number is [PHONE]",
        "it's plus four four two zero seven nine four six zero nine five eight|it's [PHONE]",
        "my social is one two three four five six seven eight nine|my social is [NATIONAL_ID]",
        "ssn 123-45-6789 please|ssn [NATIONAL_ID] please",
        "it is john dot smith at gmail dot com|it is [EMAIL]",
        "email me at mary.jones@example.co.uk today|email me at [EMAIL] today",
        "my email is jane doe eighty seven at yahoo dot com|my email is [EMAIL]",
        "account number seven seven three four nine two one|account number [NUMBER]",
        "my pin is one two three four|my pin is [NUMBER]",
        "the reference is twenty three forty five sixty seven|the reference is [NUMBER]",
        "the callback number is area code four one five then five five five two six seven one|the callback number is area code [PHONE] then [PHONE]",
        "it's support at my company dot com|it's [EMAIL]",
        "it's t h o m a s underscore b at outlook dot com|it's [EMAIL]",
        "my member id is 5856064645|my member id is [NUMBER]",
        "it's double five nine five four five four oh one that's my social|it's [NATIONAL_ID] that's my social",
        "card is four five three two dash zero one five one dash one one two eight dash three zero three six six|card is [CARD]",
        // the Chinese market: mobiles, resident ids (GB 11643 check character), bank cards, addresses
        "my mobile is one three eight one two three four five six seven eight|my mobile is [PHONE]",
        "我的手机号是13812345678，谢谢|我的手机号是[PHONE]，谢谢",
        "call me on +86 138 1234 5678|call me on [PHONE]",
        "it's 8613812345678|it's [PHONE]",
        "my id number is 11010519491231002X|my id number is [NATIONAL_ID]",
        "身份证号码是11010519491231002X|身份证号码是[NATIONAL_ID]",
        "it's one one zero one zero five one nine four nine one two three one zero zero two x|it's [NATIONAL_ID]",
        "the number 110105 19491231 002X is on the card|the number [NATIONAL_ID] is on the card",
        "我的银行卡号是6222021234567890128|我的银行卡号是[CARD]",
        "union pay six two two two zero two one two three four five six seven eight nine zero one two eight|union pay [CARD]",
        "i live at 42 elm street springfield|i live at [ADDRESS]",
        "send it to forty two elm street apartment 4b please|send it to [ADDRESS] please",
        "my address is 1600 Pennsylvania Avenue, Washington and my|my address is [ADDRESS] and my",
        "我住在北京市朝阳区建国路88号|我住在[ADDRESS]",
        "请寄到广东省深圳市南山区科技园路1号3栋502室，谢谢|请寄到[ADDRESS]，谢谢",
        "地址是阳光花园3栋502室|地址是[ADDRESS]",
        "我的邮箱是john.li@example.com谢谢|我的邮箱是[EMAIL]谢谢",
    })
    void redactsSpokenAndWrittenPersonalData(String in, String out) {
        assertThat(r.redact(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the caller is still saying the number: its first digits are masked already
        "you can call me back on two one two five|you can call me back on [PHONE]",
        "my card number is four five three two|my card number is [CARD]",
        "the first digits are one two three|the first digits are [NUMBER]",
        // finished numbers, amounts, counts and short words stay as they are
        "you can call me back on two one two five well i|you can call me back on two one two five well i",
        "it costs twenty dollars|it costs twenty dollars",
        "i have been waiting for two hours|i have been waiting for two hours",
        "i called you twice|i called you twice",
        "it's flat twenty one|it's flat twenty one",
    })
    void aPartialResultMasksTheNumberStillBeingSaid(String in, String out) {
        assertThat(r.redactPartial(in)).isEqualTo(out);
    }

    @Test
    void aFinalResultKeepsAShortNumberThatEndsIt() {
        assertThat(r.redact("you can call me back on two one two five")).isEqualTo("you can call me back on two one two five");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I waited for two hours",
        "it cost twenty dollars",
        "oh I see thank you",
        "I've been a customer since two thousand and five",
        "they charged me fifteen thousand dollars",
        "call me back at three thirty",
        "I called five times in twenty twenty four",
        "I'm at home right now",
        "look at that",
        "twenty four seven support",
        "nineteen ninety five",
        "the one with the blue screen",
        "the last four digits of the card are four five six seven",
        "my card was charged twenty nine ninety nine",
        "I spent about two hundred thousand on the house",
        "it's a two way street",
        "I went down to main street yesterday",
        "we waited 2 hours on the road",
        "the 3 of us walked down the street",
        "北京市很大",
        "朝阳区的天气不错",
        "我等了20分钟",
        "Only 5 hour drive from here",
        "I bought a 2 terabyte hard drive",
    })
    void leavesOrdinarySpeechAlone(String in) {
        assertThat(r.redact(in)).isEqualTo(in);
    }

    @Test
    void emptyAndNullPassThrough() {
        assertThat(r.redact("")).isEmpty();
        assertThat(r.redact(null)).isNull();
    }
}
