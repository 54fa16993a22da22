package io.newsradar.classify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

    private final Features.Schema schema = new Features.Schema(List.of("mentions", "noise"));

    private List<LogisticFit.Example> examples() {
        List<LogisticFit.Example> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int mentions = i % 8;
            out.add(new LogisticFit.Example(schema.builder().set("mentions", mentions).set("noise", i % 3).build(),
                    mentions >= 4 || i % 13 == 0));
        }
        return out;
    }

    @Test
    void givenMoreMentionsForYesTheFitRaisesTheProbabilityWithMentions() {
        LogisticModel m = LogisticFit.fit("test", schema, examples(), 1.0);

        assertThat(m.probability(schema.builder().set("mentions", 7).build()))
                .isGreaterThan(0.8).isGreaterThan(m.probability(schema.builder().set("mentions", 1).build()));
        assertThat(m.probability(schema.builder().set("mentions", 0).build())).isLessThan(0.3);
    }

    @Test
    void theSameExamplesGiveTheSameWeightsBitForBit() {
        LogisticModel a = LogisticFit.fit("test", schema, examples(), 1.0);
        LogisticModel b = LogisticFit.fit("test", schema, examples(), 1.0);

        assertThat(b.weights()).isEqualTo(a.weights());
        assertThat(b.bias()).isEqualTo(a.bias());
    }

    @Test
    void aLargerPenaltyGivesSmallerWeights() {
        double loose = Math.abs(LogisticFit.fit("test", schema, examples(), 0.1).weights().get(0));
        double tight = Math.abs(LogisticFit.fit("test", schema, examples(), 100.0).weights().get(0));

        assertThat(tight).isLessThan(loose);
    }
}
