package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.RowRejectedException;

final class VietnameseNumberTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "72|72",
        "0|0",
        "20.772|20772",
        "1.234.567|1234567",
        "' 209 '|209",
        "12.500|12500",
    })
    void countsReadTheVietnameseWay(String text, double expected) {
        assertThat(VietnameseNumber.parse(text, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3,25|3.25",
        "3,25%|3.25",
        "1,0|1.0",
        "4|4",
        "0,5|0.5",
    })
    void ratesTakeADecimalComma(String text, double expected) {
        assertThat(VietnameseNumber.parse(text, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12.5|groups of three",
        "1.23|groups of three",
        "1.2345|groups of three",
        "3,5|whole number",
        "1.234,5|whole number",
        "-3|negative",
        "abc|not a number",
        "1e5|not a number",
        "99999999999999999999|exceeds",
        "2,5%|percentage",
        "''|empty",
        "1 000|not a number",
    })
    void badCountsAreBadValues(String text, String why) {
        assertThatThrownBy(() -> VietnameseNumber.parse(text, true))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.BAD_VALUE);
                    assertThat(e.detail()).contains(why);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"150", "100,5", "1.234,5"})
    void ratesArePerCentsUpToAHundred(String text) {
        assertThatThrownBy(() -> VietnameseNumber.parse(text, false)).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("per cent");
    }
}
