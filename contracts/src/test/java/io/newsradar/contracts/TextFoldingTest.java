package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bắc Giang               | bac giang
            BẮC GIANG               | bac giang
            Bac Giang               | bac giang
            Đà Nẵng                 | da nang
            đồng Việt – Nhật        | dong viet – nhat
            Nhật Bản                | nhat ban
            Thừa Thiên Huế          | thua thien hue
            Côte d'Ivoire           | cote d'ivoire
            Ça coûte cher à Hà Nội  | ca coute cher a ha noi
            Gunma-ken               | gunma-ken
            İstanbul Øresund Łódź   | istanbul oresund lodz
            日本                     | 日本
            """)
    void foldsCaseAndDiacritics(String text, String folded) {
        assertThat(TextFolding.fold(text)).isEqualTo(folded);
    }

    @Test
    void keepsTheLengthOfNfcTextSoOffsetsCarryOver() {
        String text = "Tỉnh Bắc Giang đón đoàn doanh nghiệp Nhật Bản";

        String folded = TextFolding.fold(text);

        assertThat(folded).hasSameSizeAs(text);
        assertThat(folded.indexOf("nhat ban")).isEqualTo(text.indexOf("Nhật Bản"));
    }

    @Test
    void foldsDecomposedTextLikeComposedText() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Định", Normalizer.Form.NFD);

        assertThat(TextFolding.fold(decomposed)).isEqualTo("nguyen thi dinh");
    }

    @Test
    void turnsEveryKindOfSpaceIntoAPlainSpace() {
        assertThat(TextFolding.fold("Hà\u00A0Nội\tvà\nHuế")).isEqualTo("ha noi va hue");
    }

    @Test
    void foldsNullToEmpty() {
        assertThat(TextFolding.fold(null)).isEmpty();
    }
}
