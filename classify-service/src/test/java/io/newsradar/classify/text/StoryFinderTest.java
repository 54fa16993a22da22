package io.newsradar.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoryFinderTest {

    private static final StoryFinder PAGES = StoryFinder.load(null);

    private static String page(String name) throws IOException {
        try (InputStream in = StoryFinderTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void takesTheFirstMeaningfulLineAsTheHeadlineSkippingNavigationAndDates() throws IOException {
        StoryFinder.Story story = PAGES.split(page("vi-trang-tin-dia-phuong.txt"));

        assertThat(story.title()).isEqualTo("Tỉnh Quảng Ninh đón đoàn doanh nghiệp tỉnh Aichi tìm hiểu cơ hội đầu tư");
    }

    @Test
    void takesTheFirstParagraphOfProseAsTheLeadAndLeavesTeasersOut() throws IOException {
        StoryFinder.Story story = PAGES.split(page("vi-trang-tin-dia-phuong.txt"));

        assertThat(story.lead()).startsWith("Sáng 2/10, lãnh đạo tỉnh Quảng Ninh");
        assertThat(story.body()).contains("linh kiện ô tô", "quỹ đất sạch")
                .doesNotContain("Hủa Phăn", "Ảnh:", "Quảng Ninh hút vốn Nhật");
    }

    @Test
    void endsTheStoryAtTheRelatedNewsHeading() throws IOException {
        StoryFinder.Story story = PAGES.split(page("vi-trang-tin-dia-phuong.txt"));

        assertThat(story.body()).doesNotContain("Cuba", "Hungary", "pháo hoa", "Thời tiết");
    }

    @Test
    void returnsEverythingAsBodyWhenNoLineLooksLikeAHeadline() {
        StoryFinder.Story story = PAGES.split("12/05/2026\nOK");

        assertThat(story.title()).isEmpty();
        assertThat(story.body()).isEqualTo("12/05/2026\n\nOK");
    }
}
