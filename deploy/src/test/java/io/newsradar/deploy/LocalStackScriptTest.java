package io.newsradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ./newsradar repeats a few facts the code owns; these tests keep the two from drifting apart. They also run the two
 * helpers it calls: the check that nobody can reach what Elasticsearch needs, and the one-line error of a server that
 * stopped while starting (over logs written for these tests).
 */
class LocalStackScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String STRANGER = "54321";
    private static final Path LOGS = Path.of("src/test/resources/io/newsradar/deploy/startup-logs").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void createsEveryTopicOfTheContractsAndCompactsTheRegistryTopics() throws IOException {
        String script = Files.readString(ROOT.resolve("newsradar"));

        assertThat(array(script, "TOPICS")).containsExactlyElementsOf(Topics.ALL);
        assertThat(array(script, "COMPACTED")).containsExactlyElementsOf(Topics.COMPACTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ingest-service
            classify-service
            index-service
            story-service
            alert-service
            api-gateway
            """)
    void startsEachServiceOnThePortItsConfigurationNames(String service) throws IOException {
        String script = Files.readString(ROOT.resolve("newsradar"));
        String config = Files.readString(ROOT.resolve(service).resolve("src/main/resources/" + service + ".yml"));

        Matcher scriptPort = Pattern.compile("\\[" + service + "]=(\\d+)").matcher(script);
        Matcher configPort = Pattern.compile("(?m)^server:\\s*\\n\\s+port: (\\d+)").matcher(config);

        assertThat(scriptPort.find()).as("port of %s in ./newsradar", service).isTrue();
        assertThat(configPort.find()).as("server.port in %s.yml", service).isTrue();
        assertThat(scriptPort.group(1)).isEqualTo(configPort.group(1));
    }

    @Test
    void accessCheckPassesWhenEveryFolderOnTheWayLetsOthersIn() throws Exception {
        Path bin = layOut("rwxr-xr-x");

        assertThat(reach("rx:" + bin.resolve("elasticsearch"), "rwx:" + temp.resolve("checkout/data"))).isEqualTo(new Run(0, ""));
    }

    @Test
    void accessCheckNamesTheFirstClosedFolderInOneLine() throws Exception {
        Path bin = layOut("rwx------");

        Run run = reach("rx:" + bin.resolve("elasticsearch"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("uid " + STRANGER + " cannot enter " + temp.resolve("checkout")
                + " (drwx------ " + owner() + "), on the way to " + bin.resolve("elasticsearch") + "\n");
    }

    @Test
    void accessCheckNamesTheRightsThePathItselfDenies() throws Exception {
        Path bin = layOut("rwxr-xr-x");
        Files.setPosixFilePermissions(bin.resolve("elasticsearch"), PosixFilePermissions.fromString("rwxr--r--"));
        Files.setPosixFilePermissions(temp.resolve("checkout/data"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(reach("rx:" + bin.resolve("elasticsearch")).output())
                .isEqualTo("uid " + STRANGER + " cannot execute " + bin.resolve("elasticsearch") + " (-rwxr--r-- " + owner() + ")\n");
        assertThat(reach("rwx:" + temp.resolve("checkout/data")).output()).startsWith("uid " + STRANGER + " cannot write ");
        assertThat(reach("rx:" + bin.resolve("java")).output()).isEqualTo(bin.resolve("java") + " does not exist\n");
    }

    @Test
    void accessCheckFollowsALinkOutOfAnOpenFolderIntoAClosedOne() throws Exception {
        Path bin = layOut("rwx------");
        Path open = Files.createDirectories(temp.resolve("open"));
        Path link = Files.createSymbolicLink(open.resolve("elasticsearch"), bin);

        Run run = reach("rx:" + link.resolve("elasticsearch"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).startsWith("uid " + STRANGER + " cannot enter " + temp.resolve("checkout") + " ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            port-in-use.log           | cause: Web server failed to start. Port 8083 was already in use.
            kafka-unreachable.log     | cause: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: describeTopics
            elasticsearch-refused.log | cause: java.net.ConnectException: Connection refused
            permission-denied.log     | cause: setpriv: failed to execute /root/work/nr/.newsradar/elasticsearch/elasticsearch-8.19.21/bin/elasticsearch: Permission denied
            no-error-words.log        | cause: stopping after signal 15
            """)
    void startupErrorGivesTheCauseOfTheLastStartInOneLine(String log, String cause) throws Exception {
        Run run = run(ROOT.resolve("deploy/local/startup-error").toString(), LOGS.resolve(log).toString());

        assertThat(run.status()).isZero();
        assertThat(run.output().lines().findFirst()).hasValue(cause);
        assertThat(run.output()).doesNotContain("\tat ", "earlier run").hasLineCount(run.output().contains("could not reach") ? 2 : 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kafka-unreachable.log     | could not reach: 127.0.0.1:9092
            elasticsearch-refused.log | could not reach: 127.0.0.1:9200
            """)
    void startupErrorNamesTheAddressesItCouldNotConnectTo(String log, String unreachable) throws Exception {
        assertThat(run(ROOT.resolve("deploy/local/startup-error").toString(), LOGS.resolve(log).toString()).output().lines())
                .last().isEqualTo(unreachable);
    }

    @Test
    void startsElasticsearchByItsRealPathAndChecksWhatNobodyNeedsFirst() throws IOException {
        String script = Files.readString(ROOT.resolve("newsradar"));
        String start = script.substring(script.indexOf("start_elasticsearch() {"), script.indexOf("elasticsearch_ready() {"));

        assertThat(start).doesNotContain("ln -s").contains("nobody_can_reach").contains("env -C \"$base\"");
        assertThat(start.indexOf("nobody_can_reach")).isLessThan(start.indexOf("start elasticsearch"));
        assertThat(script).contains("printf '%s/newsradar-elasticsearch-%s' \"${NEWSRADAR_ELASTICSEARCH_PARENT:-/var/tmp}\"");
    }

    /** checkout/es/bin/elasticsearch and checkout/data (open to all), the checkout folder with the given rights. */
    private Path layOut(String checkoutRights) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("checkout/es/bin"));
        Files.createDirectories(temp.resolve("checkout/data"));
        Files.writeString(bin.resolve("elasticsearch"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("elasticsearch"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p : List.of(temp, bin, bin.getParent())) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(temp.resolve("checkout/data"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(temp.resolve("checkout"), PosixFilePermissions.fromString(checkoutRights));
        return bin;
    }

    private String owner() throws IOException {
        return Files.getOwner(temp).getName() + ":" + Files.readAttributes(temp, PosixFileAttributes.class).group().getName();
    }

    private Run reach(String... specs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("deploy/local/nobody-can-reach").toString(),
                "--uid", STRANGER, "--gid", STRANGER));
        command.addAll(Arrays.asList(specs));
        return run(command.toArray(String[]::new));
    }

    private static Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private record Run(int status, String output) {
    }

    private static List<String> array(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as("%s=(…) in ./newsradar", name).isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }
}
