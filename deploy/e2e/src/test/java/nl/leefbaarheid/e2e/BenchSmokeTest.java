package nl.leefbaarheid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark harness (deploy/bench/run.sh, issue 8) working: a run of a few seconds of the latency and
 * throughput benchmarks, on the benchmark's own broker, services and scratch databases (the platform of the other
 * tests is left alone). It checks that the table comes out with figures, never how fast anything is: the benchmark is
 * not a test, and a slow machine must not fail the build.
 */
class BenchSmokeTest {

    @Test
    void theBenchmarkPrintsItsTableWithFigures() throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-smoke", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("deploy/bench/run.sh", "latency", "throughput"))
                .directory(Platform.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENCH_SECONDS", "1");
        builder.environment().put("BENCH_RATE", "50");
        builder.environment().put("BENCH_MEASUREMENTS", "400");
        builder.environment().put("BENCH_SERVICES", "evaluation neighbourhood");
        builder.environment().put("BENCH_DRAIN", "60");
        builder.environment().put("BENCH_TIMEOUT", "120");
        builder.environment().put("SKIP_BUILD", "1"); // the reactor built the jars
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroy(); // run.sh stops what it started on its way out
            process.waitFor(1, TimeUnit.MINUTES);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(finished).as("deploy/bench/run.sh finished within 5 minutes").isTrue();

        assertThat(process.exitValue()).as("exit code of deploy/bench/run.sh").isZero();
        assertThat(text).contains("| benchmark ", "| figure ", "| baseline ", "| ratio ", "| target ", "| met? |");
        assertThat(row(text, "1 latency p50")).matches("(?s).*\\| [0-9.]+ ms.*\\| [0-9.]+ ms .*");
        assertThat(row(text, "1 latency p99")).matches("(?s).*\\| [0-9.]+ ms.*");
        assertThat(row(text, "2 throughput end to end")).matches("(?s).*\\| [0-9]+ measurements/s .*\\| COPY: [0-9]+ rows/s.*");
        assertThat(row(text, "2 throughput (second baseline)")).contains("Kafka ProducerPerformance: ").containsPattern("[0-9]+ records/s");
    }

    private static String row(String table, String benchmark) {
        return table.lines().filter(line -> line.startsWith("| " + benchmark)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + benchmark + "' in:\n" + table));
    }
}
