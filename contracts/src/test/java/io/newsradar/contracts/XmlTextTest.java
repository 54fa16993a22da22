package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void stripRemovesEveryCharacterXmlForbidsAndKeepsTheRest() {
        assertThat(XmlText.strip("a\u0001b\u0000c\uFFFFd\uFFFEe\u001Ff")).isEqualTo("abcdef");
        assertThat(XmlText.strip("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr\r");
        assertThat(XmlText.strip("Bắc Giang \uD83D\uDCF0")).isEqualTo("Bắc Giang \uD83D\uDCF0");
    }

    @Test
    void loneSurrogatesAreForbiddenButPairsAreKept() {
        assertThat(XmlText.strip("x\uD800y\uDC00z")).isEqualTo("xyz");
        assertThat(XmlText.replace("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(XmlText.replace("\uD83D\uDCF0")).isEqualTo("\uD83D\uDCF0");
    }

    @Test
    void replaceKeepsThePositionOfWhatItRemoves() {
        assertThat(XmlText.replace("a\u0001b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void cleanTextIsReturnedAsItIsAndNullStaysNull() {
        String clean = "Gunma prefecture";
        assertThat(XmlText.strip(clean)).isSameAs(clean);
        assertThat(XmlText.strip(null)).isNull();
        assertThat(XmlText.allowed(0x1)).isFalse();
        assertThat(XmlText.allowed(0x10FFFF)).isTrue();
    }
}
