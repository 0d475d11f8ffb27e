import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The load generator of deploy/bench/run.sh (not a test). Run with the Kafka jars on the class path:
 * {@code java -cp 'deploy/local/kafka/target/libs/*' deploy/bench/Bench.java COMMAND key=value ...}.
 *
 * <ul>
 * <li>{@code areas dir=D name=N first=3001 neighbourhoods=1000}: area rows for COPY into neighbourhood-service's
 * {@code area} table (municipalities of 5 districts x 10 neighbourhoods) and the neighbourhood codes, one a line.</li>
 * <li>{@code registry bootstrap=.. metrics=U areas=N}: waits until neighbourhood-service has published the N areas
 * (its outbox is empty, their records are on neighbourhood.areas.v1) and evaluation-service's consumer group has read them
 * all (no lag): only then does it accept measurements of them.</li>
 * <li>{@code latency url=.. token=.. bootstrap=.. codes=F rate=200 seconds=60}: POSTs single measurements on a fixed
 * schedule (open loop: request i is due at start + i/rate, whatever the answers before it did, so a slow service
 * cannot slow the load down: no coordinated omission) and times each one from its 201 to the status event of its
 * area on neighbourhood.status.v1 whose reason names the measurement. Also reported: from the intended send time, and
 * the stages in between by the records' CreateTime (201 -> measurement record sent -> status record sent -> read).</li>
 * <li>{@code throughput url=.. token=.. bootstrap=.. codes=F measurements=100000 batch=10000 group=G metrics=U1,U2
 * copy=F}: POSTs the measurements in batches, one batch after the other, and waits until every area's status is
 * recalculated and published: the status event naming each area's last measurement has arrived, or (should the
 * reason ever name something else) the consumer group has no lag, both outboxes are empty and events stopped.
 * Writes the same rows as a tab-separated file for the COPY baseline first.</li>
 * <li>{@code soak url=.. token=.. bootstrap=.. codes=F rate=100 seconds=1800 batch=5 drain=300 group=G metrics=U1,U2
 * started=F missing=F}: measurements on a fixed schedule, as the latency phase, for a long time, every other group of
 * {@code batch} in one batch POST with an Idempotency-Key; then waits until the pipeline has drained and checks that
 * every accepted measurement is named in a status event's reason. run.sh samples the services while it runs.</li>
 * </ul>
 * Every result is printed as {@code key=value} lines on standard output; progress goes to standard error.
 */
public class Bench {

    static final String STATUS_TOPIC = "neighbourhood.status.v1";
    static final String MEASUREMENT_TOPIC = "evaluation.measurements.v1";
    static final String REGISTRY_TOPIC = "neighbourhood.areas.v1";
    static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final ObjectMapper JSON = new ObjectMapper();
    /** System.nanoTime() at the epoch: turns a wall-clock time in milliseconds (a record's CreateTime) into this JVM's nanoTime. */
    static final long NANOS_AT_EPOCH = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;
    static final YearMonth FIRST_PERIOD = YearMonth.of(2005, 1);
    /**
     * The registry year of the benchmark's areas: a measurement counts for an area registered for the latest registry year
     * up to its period's year, and the benchmark measures periods from 2000-01 (the read phase) and 2005-01 on.
     */
    static final int REGISTRY_YEAR = 2000;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        switch (args[0]) {
            case "areas" -> areas(a);
            case "registry" -> registry(a);
            case "latency" -> latency(a);
            case "throughput" -> throughput(a);
            case "soak" -> soak(a);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0); // the HTTP client's and consumer's threads
    }

    // --- areas ------------------------------------------------------------------------------------------------------

    static void areas(Map<String, String> a) throws IOException {
        Path dir = Path.of(a.get("dir"));
        String name = a.get("name");
        int first = Integer.parseInt(a.get("first"));
        int count = Integer.parseInt(a.get("neighbourhoods"));
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(dir.resolve("areas-" + name + ".tsv")));
                PrintWriter codes = new PrintWriter(Files.newBufferedWriter(dir.resolve("codes-" + name + ".txt")))) {
            int made = 0;
            for (int m = first; made < count; m++) {
                String gm = String.format("%04d", m);
                tsv.printf("GM%s\t%d\tMUNICIPALITY\tBenchgemeente %s\t\\N\t%d%n", gm, REGISTRY_YEAR, gm, 40_000);
                for (int d = 1; d <= 5 && made < count; d++) {
                    String wk = gm + String.format("%02d", d);
                    tsv.printf("WK%s\t%d\tDISTRICT\tWijk %s\tGM%s\t%d%n", wk, REGISTRY_YEAR, wk, gm, 8_000);
                    for (int b = 1; b <= 10 && made < count; b++, made++) {
                        String bu = "BU" + wk + String.format("%02d", b);
                        tsv.printf("%s\t%d\tNEIGHBOURHOOD\tBuurt %s\tWK%s\t%d%n", bu, REGISTRY_YEAR, bu, wk, 200 + (made * 37) % 1_500);
                        codes.println(bu);
                    }
                }
            }
        }
    }

    /** Waits (at most 30 minutes) until evaluation-service has read every area neighbourhood-service published. */
    static void registry(Map<String, String> a) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"));
        long areas = Long.parseLong(a.get("areas"));
        long start = System.nanoTime();
        long deadline = start + 1_800_000_000_000L;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                long backlog = gauges(a.get("metrics"), "outbox_backlog").get("outbox_backlog");
                long published = endOffsets(admin, REGISTRY_TOPIC);
                long lag = lag(admin, "evaluation-service", REGISTRY_TOPIC);
                if (backlog == 0 && published >= areas && lag == 0) {
                    System.err.printf("registry: %d records on %s read by evaluation-service in %.0f s%n", published, REGISTRY_TOPIC,
                            (System.nanoTime() - start) / 1e9);
                    return;
                }
                System.err.printf("registry: outbox backlog %d, %d of %d on the topic, evaluation-service %d behind%n", backlog, published,
                        areas, lag);
                Thread.sleep(2_000);
            }
        }
        throw new IllegalStateException("evaluation-service did not read the areas of " + REGISTRY_TOPIC + " within 30 minutes");
    }

    // --- the status events, as any consumer of neighbourhood.status.v1 sees them -----------------------------------

    /**
     * Reads neighbourhood.status.v1 from its end; remembers when each (area, measurement id in the reason) arrived. With
     * {@code stages}, also reads evaluation.measurements.v1, for where the time goes: when each measurement's record and
     * its status record were sent (their CreateTime, set by the producer of each outbox relay). It shares the machine
     * with the platform it measures, so it reads no more of an event than the reason (before the statuses in it).
     */
    static final class StatusWatcher implements Runnable {
        final Map<String, Long> arrived = new ConcurrentHashMap<>(); // area|measurementId -> nanoTime
        final Map<String, Long> statusSent = new ConcurrentHashMap<>(); // area|measurementId -> CreateTime of its status record, as nanoTime
        final Map<String, Long> measurementSent = new ConcurrentHashMap<>(); // area|measurementId -> CreateTime of its measurement record
        final AtomicLong events = new AtomicLong();
        final AtomicLong lastEvent = new AtomicLong();
        final AtomicLong lastStatusEvent = new AtomicLong(); // of any area: districts and municipalities too
        final AtomicBoolean stop = new AtomicBoolean();
        final KafkaConsumer<String, String> consumer;
        final Set<String> areas;

        StatusWatcher(String bootstrap, Set<String> areas, boolean stages) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : stages ? List.of(STATUS_TOPIC, MEASUREMENT_TOPIC) : List.of(STATUS_TOPIC)) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            this.areas = areas;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (r.topic().equals(STATUS_TOPIC)) {
                        lastStatusEvent.set(now);
                    }
                    if (r.key() == null || !areas.contains(r.key())) {
                        continue; // a district's or municipality's status, or another area's
                    }
                    long sent = NANOS_AT_EPOCH + r.timestamp() * 1_000_000L;
                    if (r.topic().equals(MEASUREMENT_TOPIC)) {
                        try {
                            measurementSent.put(r.key() + "|" + JSON.readTree(r.value()).path("measurementId").asText(), sent);
                        } catch (IOException e) {
                            System.err.println("unreadable measurement event: " + e.getMessage());
                        }
                        continue;
                    }
                    events.incrementAndGet();
                    lastEvent.set(now);
                    try {
                        Matcher m = UUIDS.matcher(reason(r.value()));
                        while (m.find()) {
                            arrived.putIfAbsent(r.key() + "|" + m.group(), now);
                            statusSent.putIfAbsent(r.key() + "|" + m.group(), sent);
                        }
                    } catch (IOException e) {
                        System.err.println("unreadable status event: " + e.getMessage());
                    }
                }
            }
            consumer.close();
        }

        /** The {@code reason} of a status event, read up to there: the statuses after it are not parsed. */
        static String reason(String event) throws IOException {
            try (JsonParser parser = JSON.getFactory().createParser(event)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return "";
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("reason")) {
                        return parser.getValueAsString("");
                    }
                    parser.skipChildren();
                }
                return "";
            }
        }

        Thread start() {
            Thread t = new Thread(this, "status-watcher");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    static final HttpClient METRICS_CLIENT = http();

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static ObjectNode measurement(String area, int k, int j) {
        ObjectNode m = JSON.createObjectNode();
        m.put("areaCode", area);
        m.put("indicator", "tenant.feeling-at-home");
        m.put("value", 1 + ((j * 7L) % 90) / 10.0);
        // each next measurement of an area is for a later month: its status changes (the tenant period) every time
        m.put("period", FIRST_PERIOD.plusMonths(k).toString());
        m.put("respondents", 20);
        m.put("instrument", "survey");
        m.put("sourceSystem", "bench");
        return m;
    }

    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).toList();
    }

    // --- 1. event latency -------------------------------------------------------------------------------------------

    record Sent(String area, long intended, long answered, int status, String measurementId) {
    }

    static void latency(Map<String, String> a) throws Exception {
        List<String> codes = lines(a.get("codes"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "200"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "60"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "10"));
        long drainSeconds = Long.parseLong(a.getOrDefault("drain", "120"));
        StatusWatcher watcher = new StatusWatcher(a.get("bootstrap"), Set.copyOf(codes), true);
        watcher.start();
        Load load = new Load(a.get("url") + "/api/v1/measurements", a.get("token"), codes, watcher);
        if (warmup > 0) {
            System.err.printf("latency: warming up, %.0f s at %.0f/s (not measured)%n", warmup, rate);
            Phase w = load.run((int) Math.round(rate * warmup), rate);
            w.awaitEvents(drainSeconds);
        }
        int total = (int) Math.round(rate * seconds);
        System.err.printf("latency: %d measurements at %.0f/s over %d areas%n", total, rate, codes.size());
        Map<String, Long> jitBefore = jitTicks(a.getOrDefault("services", ""));
        Phase phase = load.run(total, rate);
        Map<String, Long> jitAfter = jitTicks(a.getOrDefault("services", ""));
        phase.awaitEvents(drainSeconds);
        watcher.stop.set(true);
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> fromIntended = new ArrayList<>();
        // where the time goes: 201 -> measurement record sent (evaluation's outbox relay) -> status record sent
        // (neighbourhood-service: consume, recalculate, its outbox relay) -> status record read here (Kafka)
        List<Long> toMeasurementSent = new ArrayList<>();
        List<Long> toStatusSent = new ArrayList<>();
        List<Long> toRead = new ArrayList<>();
        List<Long> http = new ArrayList<>();
        for (Sent s : phase.ok) {
            http.add(s.answered() - s.intended());
            String key = s.area() + "|" + s.measurementId();
            Long at = watcher.arrived.get(key);
            if (at != null) {
                fromAnswer.add(at - s.answered());
                Long measurementSent = watcher.measurementSent.get(key);
                if (measurementSent != null) {
                    toMeasurementSent.add(measurementSent - s.answered());
                    toStatusSent.add(watcher.statusSent.get(key) - measurementSent);
                }
                toRead.add(at - watcher.statusSent.get(key));
                fromIntended.add(at - s.intended());
            }
        }
        out("latency.warmup_seconds", warmup);
        out("latency.sent", total);
        out("latency.achieved_rate", String.format(Locale.ROOT, "%.1f", phase.achievedRate));
        out("latency.worst_send_delay_ms", ms(phase.worstLate));
        out("latency.ok", phase.ok.size());
        out("latency.failed", phase.sent.size() - phase.ok.size());
        out("latency.events", fromAnswer.size());
        out("latency.missing", phase.ok.size() - fromAnswer.size());
        out("latency.drain_seconds", drainSeconds);
        percentiles("latency.event", fromAnswer);
        percentiles("latency.intended", fromIntended);
        percentiles("latency.stage.measurement_sent", toMeasurementSent);
        percentiles("latency.stage.status_sent", toStatusSent);
        percentiles("latency.stage.status_read", toRead);
        percentiles("latency.http", http);
        double ticksPerSecond = Double.parseDouble(a.getOrDefault("clock_ticks", "100"));
        jitAfter.forEach((service, ticks) -> out("latency.jit_seconds." + service,
                String.format(Locale.ROOT, "%.1f", (ticks - jitBefore.getOrDefault(service, 0L)) / ticksPerSecond)));
    }

    /**
     * CPU time (clock ticks) of the JIT compiler threads of each service ({@code name:pid,name:pid}), from /proc: what
     * the services still spend on compiling while the phase is measured, that is whether they were warm.
     */
    static Map<String, Long> jitTicks(String services) throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        for (String service : services.split(",")) {
            if (service.isBlank()) {
                continue;
            }
            String[] nameAndPid = service.split(":");
            long sum = 0;
            try (var threads = Files.list(Path.of("/proc", nameAndPid[1], "task"))) {
                for (Path thread : threads.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(thread.resolve("stat"));
                    } catch (IOException ended) {
                        continue;
                    }
                    // pid (comm) state ... : utime and stime are the 14th and 15th fields, the 12th and 13th after comm
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            ticks.put(nameAndPid[0], sum);
        }
        return ticks;
    }

    /** Single measurements on a fixed schedule; each next measurement of an area is for a later period. */
    static final class Load {
        final Poster poster;
        final List<String> codes;
        final StatusWatcher watcher;
        final Map<String, Integer> perArea = new HashMap<>();
        int next;

        Load(String url, String token, List<String> codes, StatusWatcher watcher) {
            this.poster = new Poster(URI.create(url), token);
            this.codes = codes;
            this.watcher = watcher;
        }

        Phase run(int total, double rate) throws Exception {
            List<CompletableFuture<Sent>> answers = new ArrayList<>(total);
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime() + 200_000_000L;
            long worstLate = 0;
            for (int i = 0; i < total; i++, next++) {
                String area = codes.get(next % codes.size());
                int k = perArea.merge(area, 1, Integer::sum) - 1;
                byte[] body = JSON.writeValueAsBytes(measurement(area, k, next));
                long intended = start + i * interval;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                worstLate = Math.max(worstLate, System.nanoTime() - intended);
                answers.add(poster.post(body).handle((answer, error) -> {
                    long now = System.nanoTime();
                    if (error != null || answer.status() != 201) {
                        System.err.println(error != null ? "request failed: " + error : "answer " + answer.status() + ": " + answer.body());
                        return new Sent(area, intended, now, error == null ? answer.status() : -1, null);
                    }
                    Matcher m = UUIDS.matcher(answer.body());
                    return new Sent(area, intended, now, 201, m.find() ? m.group() : null);
                }));
            }
            long sendEnd = System.nanoTime();
            Phase phase = new Phase(watcher);
            for (CompletableFuture<Sent> f : answers) {
                phase.sent.add(f.get());
            }
            phase.ok = phase.sent.stream().filter(s -> s.status() == 201).toList();
            phase.worstLate = worstLate;
            phase.achievedRate = total / ((sendEnd - start) / 1e9);
            System.err.printf("latency: all answered %.1f s after the last send; waiting for the status events%n",
                    (System.nanoTime() - sendEnd) / 1e9);
            return phase;
        }
    }

    record Answer(int status, String body) {
    }

    /**
     * POSTs JSON over HTTP/1.1 keep-alive connections that it keeps in a pool: one request at a time on each, a new
     * connection only when every pooled one is busy. A load generator on the machine it measures must cost little:
     * the JDK 17 HttpClient spent two thirds of its CPU in its connection pool's expiry list at 200 requests/s (JFR),
     * a quarter of a core taken from the services.
     */
    static final class Poster {
        final URI url;
        final byte[] head;
        final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
        final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "poster");
            t.setDaemon(true);
            return t;
        });

        Poster(URI url, String token) {
            this.url = url;
            this.head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        CompletableFuture<Answer> post(byte[] body) {
            return post(body, null);
        }

        /** With an {@code Idempotency-Key} header, unless the key is null. */
        CompletableFuture<Answer> post(byte[] body, String idempotencyKey) {
            byte[] headers = idempotencyKey == null ? head
                    : concat(head, ("Idempotency-Key: " + idempotencyKey + "\r\n").getBytes(StandardCharsets.US_ASCII));
            return CompletableFuture.supplyAsync(() -> {
                Connection c = idle.pollFirst();
                try {
                    if (c == null) {
                        c = new Connection(url);
                    }
                    Answer answer = c.exchange(headers, body);
                    idle.addFirst(c);
                    return answer;
                } catch (IOException e) {
                    if (c != null) {
                        c.close();
                    }
                    throw new UncheckedIOException(e);
                }
            }, threads);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        Answer exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed by the service");
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            int length = -1;
            boolean chunked = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                answer.write(in.readNBytes(length));
            }
            return new Answer(status, answer.toString(StandardCharsets.UTF_8));
        }

        /** One header line without its CRLF, or null at the end of the stream. */
        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int ch = in.read(); ch != '\n'; ch = in.read()) {
                if (ch < 0) {
                    return b.isEmpty() ? null : b.toString();
                }
                if (ch != '\r') {
                    b.append((char) ch);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    static final class Phase {
        final StatusWatcher watcher;
        final List<Sent> sent = new ArrayList<>();
        List<Sent> ok;
        long worstLate;
        double achievedRate;

        Phase(StatusWatcher watcher) {
            this.watcher = watcher;
        }

        /**
         * Until every measurement's status event arrived, at most drainSeconds; or until no status event came for
         * 20 s: then the pipeline is idle and a missing event will not come (a measurement that lost the race with a
         * later one of its area, sent while it was still in flight, leaves the status unchanged, so no event).
         */
        void awaitEvents(long drainSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
            long begin = System.nanoTime();
            while (System.nanoTime() < deadline && ok.stream().anyMatch(s -> !watcher.arrived.containsKey(s.area() + "|" + s.measurementId()))) {
                if (System.nanoTime() - Math.max(begin, watcher.lastEvent.get()) > 20_000_000_000L) {
                    break;
                }
                Thread.sleep(100);
            }
        }
    }

    static void percentiles(String name, List<Long> nanos) {
        if (nanos.isEmpty()) {
            out(name + ".p50_ms", "-");
            out(name + ".p99_ms", "-");
            out(name + ".max_ms", "-");
            return;
        }
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        out(name + ".p50_ms", ms(v[(int) Math.min(v.length - 1, Math.ceil(0.50 * v.length) - 1)]));
        out(name + ".p99_ms", ms(v[(int) Math.min(v.length - 1, Math.ceil(0.99 * v.length) - 1)]));
        out(name + ".max_ms", ms(v[v.length - 1]));
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static void out(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    // --- 2. pipeline throughput -------------------------------------------------------------------------------------

    static void throughput(Map<String, String> a) throws Exception {
        List<String> codes = lines(a.get("codes"));
        int total = Integer.parseInt(a.getOrDefault("measurements", "100000"));
        int batchSize = Integer.parseInt(a.getOrDefault("batch", "10000"));
        long timeoutSeconds = Long.parseLong(a.getOrDefault("timeout", "900"));
        String url = a.get("url") + "/api/v1/measurements/batch";
        String token = a.get("token");
        String group = a.get("group");
        List<String> metrics = List.of(a.get("metrics").split(","));

        // the rows, and the same rows for COPY (source column as long as the service's "measurement:<uuid>")
        List<ObjectNode> rows = new ArrayList<>(total);
        Map<String, Integer> perArea = new HashMap<>();
        try (PrintWriter copy = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("copy"))))) {
            String now = Instant.now().toString();
            for (int j = 0; j < total; j++) {
                String area = codes.get(j % codes.size());
                int k = perArea.merge(area, 1, Integer::sum) - 1;
                ObjectNode m = measurement(area, k, j);
                rows.add(m);
                YearMonth period = FIRST_PERIOD.plusMonths(k);
                copy.printf(Locale.ROOT, "%s\ttenant.feeling-at-home\t%s\t%s\t%s\t20\tmeasurement:%s\tcorp-bench\t%s%n", area,
                        period, period.atDay(1), m.get("value").asText(), UUID.randomUUID(), now);
            }
        }
        Set<String> areas = Set.copyOf(perArea.keySet());
        StatusWatcher watcher = new StatusWatcher(a.get("bootstrap"), areas, false);
        watcher.start();
        HttpClient client = http();
        Map<String, String> lastOfArea = new HashMap<>();
        long start = System.nanoTime();
        System.err.printf("throughput: %d measurements over %d areas in batches of %d%n", total, areas.size(), batchSize);
        List<Double> batchSeconds = new ArrayList<>();
        for (int from = 0; from < total; from += batchSize) {
            List<ObjectNode> batch = rows.subList(from, Math.min(total, from + batchSize));
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("measurements");
            batch.forEach(list::add);
            long t = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("batch refused: " + response.statusCode() + " " + response.body());
            }
            batchSeconds.add((System.nanoTime() - t) / 1e9);
            JsonNode ids = JSON.readTree(response.body()).path("measurementIds");
            for (int i = 0; i < batch.size(); i++) {
                lastOfArea.put(batch.get(i).get("areaCode").asText(), ids.get(i).asText());
            }
            System.err.printf("throughput: batch %d stored in %.1f s%n", batchSeconds.size(), batchSeconds.get(batchSeconds.size() - 1));
        }
        long posted = System.nanoTime();

        long deadline = start + timeoutSeconds * 1_000_000_000L;
        Drain drain = awaitDrained("throughput", watcher, () -> lastOfArea.entrySet().stream()
                .filter(e -> !watcher.arrived.containsKey(e.getKey() + "|" + e.getValue())).count(), "areas' last measurements",
                "every area's last measurement published, its district and municipality rolled up",
                metrics, a.get("bootstrap"), group, start, posted, deadline);
        String doneBy = drain.doneBy();
        watcher.stop.set(true);
        long end = doneBy.equals("timeout") ? System.nanoTime() : watcher.lastStatusEvent.get();
        double seconds = (end - start) / 1e9;
        // measurements whose status event arrived: every measurement named in a reason of its own area
        long published = watcher.arrived.size();
        out("throughput.measurements", total);
        out("throughput.areas", areas.size());
        out("throughput.done_by", doneBy);
        out("throughput.post_seconds", String.format(Locale.ROOT, "%.2f", (posted - start) / 1e9));
        out("throughput.batch_seconds", batchSeconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList());
        out("throughput.evaluation_outbox_empty_at_seconds", String.format(Locale.ROOT, "%.1f", drain.evaluationOutboxEmptyAt()));
        out("throughput.max_consumer_lag", drain.maxLag());
        out("throughput.max_evaluation_outbox_backlog", drain.maxBacklog());
        out("throughput.status_events", watcher.events.get());
        out("throughput.measurements_named_in_events", published);
        out("throughput.seconds", String.format(Locale.ROOT, "%.2f", seconds));
        out("throughput.rate", String.format(Locale.ROOT, "%.0f", doneBy.equals("timeout") ? published / seconds : total / seconds));
    }

    // --- 6. soak ----------------------------------------------------------------------------------------------------

    /**
     * Measurements at a steady rate for a long time, on a fixed schedule (open loop, as the latency phase): groups of
     * {@code batch} measurements alternate between single POSTs without a key and one batch POST with an
     * Idempotency-Key of its own, so that idempotent_request grows with the load too. Writes the time the load starts
     * (epoch ms) to {@code started}, for run.sh's samples. Then waits until the pipeline has drained, as the throughput
     * phase does, and checks that every measurement accepted (201) is named in a reason of its area's status event;
     * those that are not go to {@code missing} (area and measurement id).
     */
    static void soak(Map<String, String> a) throws Exception {
        List<String> codes = lines(a.get("codes"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "100"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "1800"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "5"));
        long drainSeconds = Long.parseLong(a.getOrDefault("drain", "300"));
        StatusWatcher watcher = new StatusWatcher(a.get("bootstrap"), Set.copyOf(codes), false);
        watcher.start();
        Poster single = new Poster(URI.create(a.get("url") + "/api/v1/measurements"), a.get("token"));
        Poster batches = new Poster(URI.create(a.get("url") + "/api/v1/measurements/batch"), a.get("token"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        int total = (int) Math.round(rate * seconds);
        long interval = (long) (1e9 / rate);
        Map<String, Integer> perArea = new HashMap<>();
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<List<Sent>>> answers = new ArrayList<>();
        long start = System.nanoTime() + 200_000_000L;
        Files.writeString(Path.of(a.get("started")), Long.toString(System.currentTimeMillis() + 200));
        System.err.printf("soak: %d measurements at %.0f/s over %d areas, every other %d in one batch with an Idempotency-Key%n",
                total, rate, codes.size(), batch);
        long worstLate = 0;
        int keyed = 0;
        for (int i = 0; i < total;) {
            boolean withKey = batch > 1 && (i / batch) % 2 == 1;
            int n = withKey ? Math.min(batch, total - i) : 1;
            List<String> areas = new ArrayList<>(n);
            ArrayNode list = JSON.createArrayNode();
            for (int j = i; j < i + n; j++) {
                String area = codes.get(j % codes.size());
                areas.add(area);
                list.add(measurement(area, perArea.merge(area, 1, Integer::sum) - 1, j));
            }
            CompletableFuture<Answer> answer;
            byte[] body;
            if (withKey) {
                ObjectNode b = JSON.createObjectNode();
                b.set("measurements", list);
                body = JSON.writeValueAsBytes(b);
            } else {
                body = JSON.writeValueAsBytes(list.get(0));
            }
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            worstLate = Math.max(worstLate, System.nanoTime() - intended);
            if (withKey) {
                answer = batches.post(body, "soak-" + run + "-" + i);
                keyed++;
            } else {
                answer = single.post(body);
            }
            answers.add(answer.handle((got, error) -> {
                long now = System.nanoTime();
                if (error != null || got.status() != 201) {
                    // a service that is down would otherwise print a line per request
                    if (failures.incrementAndGet() <= 10) {
                        System.err.println(error != null ? "request failed: " + error : "answer " + got.status() + ": " + got.body());
                    }
                    return areas.stream().map(area -> new Sent(area, intended, now, error == null ? got.status() : -1, null)).toList();
                }
                Matcher m = UUIDS.matcher(got.body()); // measurementIds, in the order sent
                return areas.stream().map(area -> new Sent(area, intended, now, 201, m.find() ? m.group() : null)).toList();
            }));
            i += n;
        }
        long sendEnd = System.nanoTime();
        List<Sent> sent = new ArrayList<>(total);
        for (CompletableFuture<List<Sent>> f : answers) {
            sent.addAll(f.get());
        }
        long posted = System.nanoTime();
        List<Sent> ok = sent.stream().filter(s -> s.status() == 201 && s.measurementId() != null).toList();
        System.err.printf("soak: %d measurements sent, %d accepted; waiting until the pipeline has drained (at most %d s)%n",
                sent.size(), ok.size(), drainSeconds);
        Drain drain = awaitDrained("soak", watcher, () -> ok.stream().filter(s -> !watcher.arrived.containsKey(s.area() + "|" + s.measurementId())).count(),
                "measurements", "every measurement named in a status reason, roll-ups done", List.of(a.get("metrics").split(",")),
                a.get("bootstrap"), a.get("group"), start, posted, posted + drainSeconds * 1_000_000_000L);
        long drained = System.nanoTime();
        watcher.stop.set(true);
        List<Sent> missing = ok.stream().filter(s -> !watcher.arrived.containsKey(s.area() + "|" + s.measurementId())).toList();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("missing"))))) {
            missing.forEach(s -> w.println(s.area() + "\t" + s.measurementId()));
        }
        List<Long> http = ok.stream().map(s -> s.answered() - s.intended()).toList();
        out("soak.measurements", total);
        out("soak.areas", codes.size());
        out("soak.requests", answers.size());
        out("soak.keyed_requests", keyed);
        out("soak.achieved_rate", String.format(Locale.ROOT, "%.1f", total / ((sendEnd - start) / 1e9)));
        out("soak.worst_send_delay_ms", ms(worstLate));
        out("soak.ok", ok.size());
        out("soak.failed", sent.size() - ok.size());
        percentiles("soak.http", http);
        out("soak.done_by", drain.doneBy());
        out("soak.drain_seconds", String.format(Locale.ROOT, "%.1f", (drained - posted) / 1e9));
        out("soak.status_events", watcher.events.get());
        out("soak.named", ok.size() - missing.size());
        out("soak.missing", missing.size());
    }

    /** What {@link #awaitDrained} saw; doneBy is "timeout" when the pipeline had not drained by the deadline. */
    record Drain(String doneBy, long maxLag, long maxBacklog, double evaluationOutboxEmptyAt) {
    }

    /**
     * Waits until the pipeline has drained: no awaited measurement is missing from the status events' reasons, no
     * roll-up is waiting and the outboxes are empty; or, should a reason never name one, the consumer group has no lag,
     * roll-ups and outboxes are empty and no event came for 3 s. At most until the deadline (nanoTime).
     *
     * @param missing   how many awaited measurements are not yet named in a reason of their area's status event
     * @param metrics   the /q/metrics of evaluation-service (first) and neighbourhood-service
     * @param start     the phase's start (nanoTime): progress and the outbox-empty time count from there
     * @param posted    when the last request was answered (nanoTime)
     */
    static Drain awaitDrained(String phase, StatusWatcher watcher, LongSupplier missing, String missingWhat, String doneWhenNoneMissing,
            List<String> metrics, String bootstrap, String group, long start, long posted, long deadline) throws InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String doneBy = "timeout";
        long maxLag = 0;
        long maxBacklog = 0;
        double evaluationOutboxEmptyAt = -1;
        long lastReport = 0;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                long waiting = missing.getAsLong();
                // the roll-ups first: a roll-up stores its statuses and their events and ends its request in one transaction
                // one scrape of each service a second: a scrape costs the service CPU that the pipeline would have had
                List<Map<String, Long>> scraped = metrics.stream().map(m -> gauges(m, "status_rollups_pending", "outbox_backlog")).toList();
                long rollUps = scraped.stream().mapToLong(g -> g.get("status_rollups_pending")).max().orElse(-1);
                long[] backlog = scraped.stream().mapToLong(g -> g.get("outbox_backlog")).toArray();
                if (waiting == 0 && rollUps == 0 && Arrays.stream(backlog).allMatch(b -> b == 0)) {
                    while (System.nanoTime() - watcher.lastStatusEvent.get() < 1_000_000_000L) {
                        Thread.sleep(100); // the last events on their way to the watcher
                    }
                    doneBy = doneWhenNoneMissing;
                    break;
                }
                long lag = lag(admin, group, MEASUREMENT_TOPIC);
                maxLag = Math.max(maxLag, lag);
                maxBacklog = Math.max(maxBacklog, backlog[0]);
                if (evaluationOutboxEmptyAt < 0 && backlog[0] == 0) {
                    evaluationOutboxEmptyAt = (System.nanoTime() - start) / 1e9;
                }
                long quiet = System.nanoTime() - Math.max(watcher.lastEvent.get(), posted);
                if (lag == 0 && rollUps == 0 && Arrays.stream(backlog).allMatch(b -> b == 0) && quiet > 3_000_000_000L) {
                    doneBy = "consumer lag 0, outboxes and roll-ups empty, no event for 3 s (" + waiting + " " + missingWhat
                            + " not named in a reason)";
                    break;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.err.printf("%s: %.0f s: %d status events, consumer lag %d, outbox backlog %s, %d %s waiting,"
                            + " %d roll-up requests waiting%n", phase, (lastReport - start) / 1e9, watcher.events.get(), lag,
                            Arrays.toString(backlog), waiting, missingWhat, rollUps);
                }
                Thread.sleep(1000); // the end is when the last status event arrived (the watcher's clock), not this loop's
            }
        }
        return new Drain(doneBy, maxLag, maxBacklog, evaluationOutboxEmptyAt);
    }

    /** The consumer group's lag on the topic (records not yet committed). */
    static long lag(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(List.of(topic)).allTopicNames().get().values()) {
                d.partitions().forEach(pi -> latest.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The records on the topic: the sum of its partitions' end offsets (the benchmark's broker starts empty). */
    static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(List.of(topic)).allTopicNames().get().values()) {
            d.partitions().forEach(pi -> latest.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest()));
        }
        long sum = 0;
        for (var e : admin.listOffsets(latest).all().get().values()) {
            sum += e.offset();
        }
        return sum;
    }

    /** Gauges of a service's Prometheus metrics (outbox_backlog, status_rollups_pending) from one scrape; -1 for one it has not. */
    static Map<String, Long> gauges(String metricsUrl, String... names) {
        Map<String, Long> found = new HashMap<>();
        for (String name : names) {
            found.put(name, -1L);
        }
        try {
            String text = METRICS_CLIENT.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                for (String name : names) {
                    if (found.get(name) == -1 && (line.startsWith(name + " ") || line.startsWith(name + "{"))) {
                        found.put(name, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            }
        } catch (Exception e) {
            // the service does not answer (yet): -1 for each, as for a gauge it has not
        }
        return found;
    }
}
