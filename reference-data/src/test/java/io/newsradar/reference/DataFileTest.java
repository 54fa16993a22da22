package io.newsradar.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {

    @Test
    void findsAFileBundledByAModuleOnlyTheThreadsClassLoaderSees() throws Exception {
        URL module = DataFileTest.class.getResource("/another-module/");
        assertThat(DataFile.readIfPresent(null, "extra/lines.tsv", 2, 2)).isEmpty();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {module}, null)) {
            thread.setContextClassLoader(loader);

            assertThat(DataFile.read(null, "extra/lines.tsv", 2, 2)).singleElement()
                    .satisfies(line -> assertThat(line.columns()).containsExactly("first", "second"));
            assertThat(DataFile.read(null, "topics/topics.tsv", 2, 3)).as("this module's own file, through its own loader")
                    .isNotEmpty();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aNewsroomsFileTakesThePlaceOfTheBundledOne(@TempDir Path newsroom) throws Exception {
        Files.createDirectories(newsroom.resolve("topics"));
        Files.writeString(newsroom.resolve("topics/topics.tsv"), "fisheries\t2\tcatches and fleets\n");

        List<DataFile.Line> lines = DataFile.read(newsroom, "topics/topics.tsv", 2, 3);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.column(0)).isEqualTo("fisheries");
            assertThat(line.file()).isEqualTo(newsroom.resolve("topics/topics.tsv").toString());
        });
    }

    @Test
    void aMissingFileIsNamedWithWhereItWasLookedFor(@TempDir Path newsroom) {
        assertThatThrownBy(() -> DataFile.read(newsroom, "regions/nowhere.tsv", 1, 1))
                .hasMessage("the data file regions/nowhere.tsv is missing from " + newsroom + " and the classpath");
    }
}
