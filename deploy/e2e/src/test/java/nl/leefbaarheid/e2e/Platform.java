package nl.leefbaarheid.e2e;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The running platform, started once per test run with deploy/local/run.sh (the README's run command,
 * reusing the jars the reactor built) and stopped again at the end of the run.
 */
final class Platform {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /** The services' ports: PORT_BASE+1..4, as deploy/local/env.sh gives them (8081-8084 by default). */
    static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("PORT_BASE", "8080"));
    static final Map<String, Integer> PORTS = Map.of("catalog", PORT_BASE + 1, "neighbourhood", PORT_BASE + 2,
            "evaluation", PORT_BASE + 3, "partner", PORT_BASE + 4);
    private static boolean started;

    private Platform() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        boolean alreadyRunning = PORTS.keySet().stream().allMatch(Platform::ready);
        run(List.of("deploy/local/run.sh"), Map.of("SKIP_BUILD", "1"), 600);
        started = true;
        if (alreadyRunning) {
            return; // someone's running platform: leave it as it was
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(List.of("deploy/local/stop.sh", "services", "receiver"),
                Map.of(), 120)));
    }

    static boolean ready(String service) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI
                    .create(url(service) + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    /** A request to one service's API with a bearer token. */
    static RequestSpecification api(String service, String token) {
        return RestAssured.given().baseUri(url(service)).auth().oauth2(token);
    }

    // --- the contract check: Prism proxies (deploy/contracts/prism.sh) in front of the services ------------------

    private static boolean proxiesStarted;

    /** Starts a Prism proxy in --errors mode before each service, on its port + 1000, stopped again at the end. */
    static synchronized void startContractProxies() {
        if (proxiesStarted) {
            return;
        }
        run(List.of("deploy/contracts/prism.sh", "start"), Map.of(), 600);
        proxiesStarted = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(List.of("deploy/contracts/prism.sh", "stop"), Map.of(), 60)));
    }

    /**
     * A request to a service through its Prism proxy: a request or response that differs from the service's OpenAPI
     * document fails the test with Prism's violations.
     */
    static RequestSpecification contractApi(String service, String token) {
        return RestAssured.given().baseUri("http://127.0.0.1:" + (PORTS.get(service) + 1000)).auth().oauth2(token)
                .filter(CONTRACT);
    }

    private static final Filter CONTRACT = (request, response, context) -> {
        Response answer = context.next(request, response);
        String violations = answer.header("sl-violations");
        String body = answer.asString();
        if (violations != null || body.contains("https://stoplight.io/prism/errors#")) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " breaks the OpenAPI document: "
                    + (violations != null ? violations : body));
        }
        return answer;
    };

    // --- faults: the same scripts a developer uses, so a test breaks things as they break in a real run ---

    /** Stops a part of the platform with deploy/local/stop.sh: kafka, postgres, services or receiver. */
    static void stop(String part) {
        run(List.of("deploy/local/stop.sh", part), Map.of(), 120);
    }

    static void startKafka() {
        run(List.of("deploy/local/kafka-start.sh"), Map.of(), 180);
    }

    static void startPostgres() {
        run(List.of("deploy/local/postgres-start.sh"), Map.of(), 120);
    }

    /** The process id of a running service, from its pid file. */
    static long pid(String service) {
        try {
            return Long.parseLong(Files.readString(ROOT.resolve(".local/pids/" + service + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(service + "-service has no pid file", e);
        }
    }

    /** Kills a service at once (SIGKILL): no graceful shutdown, no commit of what it was doing. */
    static void kill(String service) {
        try {
            long pid = pid(service);
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " does not run"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill " + service + "-service", e);
        }
    }

    /** Starts what is not running (after a kill or a stop) with the run command, and waits until all is ready. */
    static void startAgain() {
        run(List.of("deploy/local/run.sh"), Map.of("SKIP_BUILD", "1"), 600);
    }

    /**
     * Starts a second instance of a service beside the first, on another port, with the same database and broker (as a
     * second replica in Kubernetes would run); its log is {@code .local/logs/<service>-service-2.log}.
     */
    static Process startSecondInstance(String service, int port) {
        try {
            Path log = ROOT.resolve(".local/logs/" + service + "-service-2.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(ROOT.resolve("deploy/service-java.sh").toString(),
                    service + "-service", ROOT.resolve(service + "-service/target/quarkus-app").toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("JWT_ISSUER", "leefbaarheid-local");
            env.put("JWT_PUBLIC_KEY_LOCATION", ROOT.resolve("deploy/local/dev-keys/public.pem").toString());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:"
                    + System.getenv().getOrDefault("PG_PORT", "55432") + "/" + service);
            env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
            env.put("CDS_RECORD", "0");
            Process process = builder.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service + "-service 2 stopped; see " + log);
                }
                try {
                    java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI
                            .create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
                    connection.setConnectTimeout(500);
                    if (connection.getResponseCode() == 200) {
                        return process;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            process.destroy();
            throw new IllegalStateException(service + "-service 2 not ready in 90 s; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a second " + service + "-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "59092");

    static String adminToken() {
        return token("admin", null, null);
    }

    static String corporationToken(String corporationId) {
        return token("corporation", "corporation_id", corporationId);
    }

    static String partnerToken(String organisationId) {
        return token("partner", "organisation_id", organisationId);
    }

    /** An RS256 token signed with the development key, as deploy/local/mint-token.sh makes them. */
    private static String token(String role, String claim, String tenant) {
        return token(role, claim, tenant, 3600, developmentKey());
    }

    /** A token that expired an hour ago. */
    static String expiredToken() {
        return token("admin", null, null, -3600, developmentKey());
    }

    /** A well-formed admin token signed with a key the platform does not trust. */
    static String foreignToken() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return token("admin", null, null, 3600, generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String role, String claim, String tenant, long lifetimeSeconds, PrivateKey key) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"leefbaarheid-local\",\"sub\":\"e2e-" + role + "\",\"groups\":[\"" + role + "\"],"
                + "\"iat\":" + Math.min(now, now + lifetimeSeconds - 60) + ",\"exp\":" + (now + lifetimeSeconds)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"" + (claim == null ? "" : ",\"" + claim + "\":\"" + tenant + "\"") + "}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static PrivateKey developmentKey() {
        try {
            String pem = Files.readString(ROOT.resolve("deploy/local/dev-keys/private.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key", e);
        }
    }

    /**
     * A script run from a test, its output in the build log. Not inheritIO: the forked test JVM talks to Maven
     * over its own stdin and stdout, so a child that reads stdin (npm does) or writes to stdout corrupts that
     * channel. The child reads nothing, and its stdout goes to stderr.
     */
    static ProcessBuilder child(List<String> command) {
        List<String> wrapped = new java.util.ArrayList<>(List.of("bash", "-c", "exec \"$@\" 1>&2", "script"));
        wrapped.addAll(command);
        return new ProcessBuilder(wrapped).directory(ROOT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            ProcessBuilder builder = child(command);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
